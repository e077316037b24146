using System.Text.Json;

namespace Switchboard.Network;

/// <summary>The structured fields of an envelope (filters, sender, client, results, answers, outcome, a batch), each read from its slice.</summary>
internal static partial class EnvelopeReader
{
    // A stream of messages from one sender repeats its sender and filters: read once, then found by their bytes.
    private static readonly RecentlyRead<SenderInfo> RecentSenders = new();
    private static readonly RecentlyRead<FilterParams> RecentFilters = new();

    private static FilterParams? Filters(in Fields fields)
    {
        if (fields.Scope is not { } scopeCode)
        {
            return fields.Filters.IsPresent ? throw Malformed("\"filters\" is given without \"scope\"") : null;
        }

        if (!ScopeCode.TryParse(scopeCode, out var scope))
        {
            throw Malformed($"the scope \"{scopeCode}\" is not a combination of C, G and S");
        }

        if (!fields.Filters.IsPresent)
        {
            return new FilterParams(null, null, scope, null, null);
        }

        if (RecentFilters.TryFind(fields.Filters.Span, scopeCode, out var known))
        {
            return known;
        }

        string? hostName = null, clientSessionId = null, user = null, hasRole = null;
        var reader = ObjectReader(fields.Filters, "filters");
        while (NextMember(ref reader, out var name))
        {
            if (name.SequenceEqual("hostName"u8))
            {
                hostName = NonEmpty(ref reader, "hostName");
            }
            else if (name.SequenceEqual("clientSessionId"u8))
            {
                clientSessionId = NonEmpty(ref reader, "clientSessionId");
            }
            else if (name.SequenceEqual("user"u8))
            {
                user = NonEmpty(ref reader, "user");
            }
            else if (name.SequenceEqual("hasRole"u8))
            {
                hasRole = NonEmpty(ref reader, "hasRole");
            }
            else
            {
                reader.Skip();
            }
        }

        return RecentFilters.Keep(fields.Filters.Span, new FilterParams(hostName, clientSessionId, scope, user, hasRole), scopeCode);
    }

    private static SenderInfo? Sender(in RawValue slice)
    {
        if (!slice.IsPresent)
        {
            return null;
        }

        if (RecentSenders.TryFind(slice.Span, null, out var known))
        {
            return known;
        }

        string? kind = null, gateway = null, sessionId = null, user = null, hostName = null;
        List<string>? roles = null;
        var reader = ObjectReader(slice, "sender");
        while (NextMember(ref reader, out var name))
        {
            if (name.SequenceEqual("kind"u8))
            {
                kind = Known(ref reader, "kind", EndpointKinds);
            }
            else if (name.SequenceEqual("gateway"u8))
            {
                gateway = String(ref reader, "gateway");
            }
            else if (name.SequenceEqual("sessionId"u8))
            {
                sessionId = String(ref reader, "sessionId");
            }
            else if (name.SequenceEqual("user"u8))
            {
                user = String(ref reader, "user");
            }
            else if (name.SequenceEqual("roles"u8))
            {
                roles = Strings(ref reader, "roles");
            }
            else if (name.SequenceEqual("hostName"u8))
            {
                hostName = String(ref reader, "hostName");
            }
            else
            {
                reader.Skip();
            }
        }

        var endpoint = kind switch
        {
            nameof(EndpointKind.Gateway) => EndpointKind.Gateway,
            nameof(EndpointKind.Client) => EndpointKind.Client,
            nameof(EndpointKind.Session) => EndpointKind.Session,
            nameof(EndpointKind.Designer) => EndpointKind.Designer,
            _ => throw Malformed($"the sender kind \"{kind}\" is unknown"),
        };
        if (string.IsNullOrWhiteSpace(gateway))
        {
            throw Malformed("the sender has no gateway");
        }

        // Kept for the next message from this sender, and so shared by every handler that gets one: its roles read-only,
        // so that no handler can change the roles (and the role checks) of the messages after its own.
        IReadOnlyList<string> kept = roles is null ? [] : Array.AsReadOnly(roles.ToArray());
        return RecentSenders.Keep(slice.Span, new SenderInfo(endpoint, gateway, sessionId, user, kept, hostName));
    }

    private static ClientIdentity? Client(in RawValue slice)
    {
        if (!slice.IsPresent)
        {
            return null;
        }

        string? project = null, user = null, hostName = null, address = null, sessionId = null;
        List<string>? roles = null;
        var reader = ObjectReader(slice, "client");
        while (NextMember(ref reader, out var name))
        {
            if (name.SequenceEqual("project"u8))
            {
                project = String(ref reader, "project");
            }
            else if (name.SequenceEqual("user"u8))
            {
                user = String(ref reader, "user");
            }
            else if (name.SequenceEqual("roles"u8))
            {
                roles = Strings(ref reader, "roles");
            }
            else if (name.SequenceEqual("hostName"u8))
            {
                hostName = String(ref reader, "hostName");
            }
            else if (name.SequenceEqual("address"u8))
            {
                address = String(ref reader, "address");
            }
            else if (name.SequenceEqual("sessionId"u8))
            {
                sessionId = String(ref reader, "sessionId");
            }
            else
            {
                reader.Skip();
            }
        }

        if (string.IsNullOrWhiteSpace(project))
        {
            throw Malformed("the client identity has no project");
        }

        return new ClientIdentity { Project = project, User = user, Roles = roles ?? [], HostName = hostName, Address = address, SessionId = sessionId };
    }

    private static List<WireResult>? Results(in RawValue slice)
    {
        if (!slice.IsPresent)
        {
            return null;
        }

        var reader = ArrayReader(slice, "results");
        var list = new List<WireResult>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Malformed("a result is not an object");
            }

            var result = new ResultFields();
            while (NextMember(ref reader, out var name))
            {
                if (!result.TryRead(ref reader, name))
                {
                    reader.Skip();
                }
            }

            list.Add(result.ToResult());
        }

        return list;
    }

    // A request-all's answers: each a result's fields, plus what it answered ("answer"), its value and its error.
    private static List<WireAnswer>? Answers(in RawValue slice)
    {
        if (!slice.IsPresent)
        {
            return null;
        }

        var reader = ArrayReader(slice, "answers");
        var list = new List<WireAnswer>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Malformed("an answer is not an object");
            }

            var result = new ResultFields();
            string? code = null;
            var value = default(RawValue);
            var error = default(RawValue);
            while (NextMember(ref reader, out var name))
            {
                if (result.TryRead(ref reader, name))
                {
                    continue;
                }

                if (name.SequenceEqual("answer"u8))
                {
                    code = Known(ref reader, "answer", AnswerCodes);
                }
                else if (name.SequenceEqual("value"u8))
                {
                    value = Capture(ref reader, slice.Value);
                }
                else if (name.SequenceEqual("error"u8))
                {
                    error = Capture(ref reader, slice.Value);
                }
                else
                {
                    reader.Skip();
                }
            }

            var status = code is null
                ? throw Malformed("an answer has no \"answer\"")
                : AnswerCodes.IndexOf(code) is var index and >= 0 ? AnswerStatuses[index] : throw Malformed($"the answer \"{code}\" is unknown");
            list.Add(new WireAnswer(result.ToResult(), status, value.Value, Outcome(error, "error")));
        }

        return list;
    }

    // Each element of a batch ("replies") is a whole version-1 reply envelope, read and checked as one; one bad
    // element drops the whole batch. Batches do not nest.
    private static List<ReplyEnvelope> Batch(in RawValue slice)
    {
        if (!slice.IsPresent)
        {
            throw Malformed("a \"replies\" envelope has no replies");
        }

        var reader = ArrayReader(slice, "replies");
        var list = new List<ReplyEnvelope>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Malformed("an element of \"replies\" is not an object");
            }

            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            var element = slice.Value.Slice(start, (int)reader.BytesConsumed - start);
            var fields = Scan(element, out var version);
            if (version.IsMissing || version.Number != Envelope.CurrentVersion)
            {
                throw Malformed($"an element of \"replies\" is not of version {Envelope.CurrentVersion}");
            }

            if (fields.Replies.IsPresent)
            {
                throw Malformed("an element of \"replies\" holds a batch itself");
            }

            if (Build(element, fields) is not ReplyEnvelope reply)
            {
                throw Malformed($"a \"{fields.Kind}\" envelope is in \"replies\", which holds only \"{EnvelopeKinds.Reply}\" envelopes");
            }

            list.Add(reply);
        }

        return list.Count > 0 ? list : throw Malformed("a \"replies\" envelope has no replies");
    }

    private static WireOutcome? Outcome(in RawValue slice, string field)
    {
        if (!slice.IsPresent)
        {
            return null;
        }

        string? code = null, message = null, errorType = null, detail = null;
        var reader = ObjectReader(slice, field);
        while (NextMember(ref reader, out var name))
        {
            if (name.SequenceEqual("code"u8))
            {
                code = Known(ref reader, "code", OutcomeCodeNames);
            }
            else if (name.SequenceEqual("message"u8))
            {
                message = Text(ref reader, "message");
            }
            else if (name.SequenceEqual("errorType"u8))
            {
                errorType = Text(ref reader, "errorType");
            }
            else if (name.SequenceEqual("detail"u8))
            {
                detail = Text(ref reader, "detail");
            }
            else
            {
                reader.Skip();
            }
        }

        return string.IsNullOrWhiteSpace(code) ? throw Malformed("the outcome has no code") : new WireOutcome(code, message, errorType, detail);
    }

    /// <summary>The fields of one delivery result, inside <c>results</c> or an answer.</summary>
    private struct ResultFields
    {
        private string? type;
        private string? status;
        private string? sessionId;
        private string? clientAddress;
        private string? clientHostName;
        private string? serverName;

        public bool TryRead(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name)
        {
            if (name.SequenceEqual("type"u8))
            {
                type = Known(ref reader, "type", TargetTypes);
            }
            else if (name.SequenceEqual("status"u8))
            {
                status = Known(ref reader, "status", Statuses);
            }
            else if (name.SequenceEqual("sessionId"u8))
            {
                sessionId = String(ref reader, "sessionId");
            }
            else if (name.SequenceEqual("clientAddress"u8))
            {
                clientAddress = String(ref reader, "clientAddress");
            }
            else if (name.SequenceEqual("clientHostName"u8))
            {
                clientHostName = String(ref reader, "clientHostName");
            }
            else if (name.SequenceEqual("serverName"u8))
            {
                serverName = String(ref reader, "serverName");
            }
            else
            {
                return false;
            }

            return true;
        }

        public readonly WireResult ToResult()
        {
            var target = type switch
            {
                nameof(DeliveryTargetType.Gateway) => DeliveryTargetType.Gateway,
                nameof(DeliveryTargetType.Client) => DeliveryTargetType.Client,
                nameof(DeliveryTargetType.Session) => DeliveryTargetType.Session,
                nameof(DeliveryTargetType.RemoteGateway) => DeliveryTargetType.RemoteGateway,
                _ => throw Malformed($"the result type \"{type}\" is unknown"),
            };
            var delivery = status switch
            {
                "SENT" => DeliveryStatus.Sent,
                "NO_HANDLER" => DeliveryStatus.NoHandler,
                "DENIED" => DeliveryStatus.Denied,
                "UNREACHABLE" => DeliveryStatus.Unreachable,
                "QUEUE_FULL" => DeliveryStatus.QueueFull,
                _ => throw Malformed($"the result status \"{status}\" is unknown"),
            };
            return new WireResult(target, sessionId, clientAddress, clientHostName, serverName, delivery);
        }
    }
}
