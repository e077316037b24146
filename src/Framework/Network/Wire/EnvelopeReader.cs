using System.Text.Json;

namespace Switchboard.Network;

/// <summary>
/// Reads and checks an <see cref="Envelope"/> in one pass over its bytes: the JSON must be an object of version
/// <see cref="Envelope.CurrentVersion"/>, every field must have its type, and each kind must have the fields it needs.
/// Anything else is an <see cref="EnvelopeException"/>, so that nothing half-read is ever acted on. The payload is not
/// decoded here: it stays a slice of the received bytes until a handler asks for it in its own type.
/// </summary>
internal static class EnvelopeReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    // Values that recur in every message are matched against these and not allocated again.
    private static readonly KnownStrings Kinds = new(
        EnvelopeKinds.Send, EnvelopeKinds.Reply, EnvelopeKinds.Replies, EnvelopeKinds.Request, EnvelopeKinds.Presence, EnvelopeKinds.Heartbeat,
        EnvelopeKinds.Deliver, EnvelopeKinds.ClientSend, EnvelopeKinds.ClientRequest, EnvelopeKinds.Cancel, EnvelopeKinds.Attach,
        EnvelopeKinds.Detach, EnvelopeKinds.Ping, EnvelopeKinds.RequestAll, EnvelopeKinds.ClientRequestAll);

    private static readonly KnownStrings EndpointKinds =
        new(nameof(EndpointKind.Gateway), nameof(EndpointKind.Client), nameof(EndpointKind.Session), nameof(EndpointKind.Designer));

    private static readonly KnownStrings TargetTypes =
        new(nameof(DeliveryTargetType.Gateway), nameof(DeliveryTargetType.Client), nameof(DeliveryTargetType.Session), nameof(DeliveryTargetType.RemoteGateway));

    private static readonly KnownStrings Statuses = new("SENT", "NO_HANDLER", "DENIED", "UNREACHABLE", "QUEUE_FULL");

    private static readonly RequestAllStatus[] AnswerStatuses = Enum.GetValues<RequestAllStatus>();

    private static readonly KnownStrings AnswerCodes = new(Array.ConvertAll(AnswerStatuses, status => status.ToCode()));

    private static readonly KnownStrings OutcomeCodeNames = new(OutcomeCodes.Ok, OutcomeCodes.NotFound, OutcomeCodes.Failed, OutcomeCodes.Timeout);

    /// <summary>Reads one envelope from the bytes a transport received.</summary>
    /// <exception cref="EnvelopeException">The bytes are not a valid version-1 envelope.</exception>
    public static Envelope Read(ReadOnlyMemory<byte> data)
    {
        var fields = Scan(data, out var version);
        if (version.IsMissing)
        {
            throw Malformed("the version field \"v\" is missing or not a number");
        }

        if (version.Number != Envelope.CurrentVersion)
        {
            throw new EnvelopeException(
                DropReason.UnknownVersion, $"envelope version {version.Text} is not {Envelope.CurrentVersion}, the version this runtime reads");
        }

        return Build(data, fields);
    }

    /// <summary>
    /// The one pass over an envelope object: scalar fields are read as they come, structured ones are checked by the
    /// reader and kept as slices for <see cref="Build"/>. A field of the wrong type is remembered, not thrown, so that a
    /// message that is not JSON or of another version is dropped as that, whatever its fields.
    /// </summary>
    private static Fields Scan(ReadOnlyMemory<byte> data, out VersionField version)
    {
        var fields = new Fields();
        version = new VersionField(true, 0, "");
        try
        {
            var reader = new Utf8JsonReader(data.Span, ReaderOptions);
            if (!reader.Read())
            {
                throw Malformed("not JSON (it is empty)");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                while (reader.Read())
                {
                    // A trailing value is not JSON either: the reader throws.
                }

                throw Malformed($"the JSON is a {ValueKind(reader.TokenType)}, not an object");
            }

            while (NextMember(ref reader, out var name))
            {
                ScanField(ref reader, name, data, ref fields, ref version);
            }

            while (reader.Read())
            {
                // Nothing may follow the object: the reader throws on anything but white space.
            }
        }
        catch (JsonException exception)
        {
            throw Malformed($"not JSON ({exception.Message})", exception);
        }

        return fields;
    }

    private static void ScanField(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, ReadOnlyMemory<byte> data, ref Fields fields, ref VersionField version)
    {
        if (name.SequenceEqual("v"u8))
        {
            version = reader.TokenType == JsonTokenType.Number
                ? new VersionField(false, reader.TryGetInt32(out var number) ? number : -1, System.Text.Encoding.UTF8.GetString(reader.ValueSpan))
                : new VersionField(true, 0, "");
            reader.Skip();
        }
        else if (name.SequenceEqual("kind"u8))
        {
            fields.Kind = Known(ref reader, "kind", Kinds, ref fields.Error);
        }
        else if (name.SequenceEqual("id"u8))
        {
            fields.Id = String(ref reader, "id", ref fields.Error);
        }
        else if (name.SequenceEqual("project"u8))
        {
            fields.Project = String(ref reader, "project", ref fields.Error);
        }
        else if (name.SequenceEqual("handler"u8))
        {
            fields.Handler = String(ref reader, "handler", ref fields.Error);
        }
        else if (name.SequenceEqual("scope"u8))
        {
            fields.Scope = String(ref reader, "scope", ref fields.Error);
        }
        else if (name.SequenceEqual("filters"u8))
        {
            fields.Filters = Capture(ref reader, data);
        }
        else if (name.SequenceEqual("sender"u8))
        {
            fields.Sender = Capture(ref reader, data);
        }
        else if (name.SequenceEqual("payload"u8))
        {
            fields.Payload = Capture(ref reader, data);
        }
        else if (name.SequenceEqual("replyTo"u8))
        {
            fields.ReplyTo = String(ref reader, "replyTo", ref fields.Error);
        }
        else if (name.SequenceEqual("traceparent"u8))
        {
            fields.TraceParent = String(ref reader, "traceparent", ref fields.Error);
        }
        else if (name.SequenceEqual("deadline"u8))
        {
            fields.Deadline = reader.TokenType switch
            {
                JsonTokenType.Null => null,
                JsonTokenType.Number when reader.TryGetInt64(out var deadline) => deadline,
                _ => Fail<long?>(ref fields.Error, "\"deadline\" is not a whole number"),
            };
            reader.Skip();
        }
        else if (name.SequenceEqual("gateway"u8))
        {
            fields.Gateway = String(ref reader, "gateway", ref fields.Error);
        }
        else if (name.SequenceEqual("node"u8))
        {
            fields.Node = String(ref reader, "node", ref fields.Error);
        }
        else if (name.SequenceEqual("sessionId"u8))
        {
            fields.SessionId = String(ref reader, "sessionId", ref fields.Error);
        }
        else if (name.SequenceEqual("client"u8))
        {
            fields.Client = Capture(ref reader, data);
        }
        else if (name.SequenceEqual("remoteServers"u8))
        {
            fields.RemoteServers = Capture(ref reader, data);
        }
        else if (name.SequenceEqual("awaitResults"u8))
        {
            fields.AwaitResults = reader.TokenType switch
            {
                JsonTokenType.True => true,
                JsonTokenType.False or JsonTokenType.Null => false,
                _ => Fail<bool>(ref fields.Error, $"\"awaitResults\" is a {ValueKind(reader.TokenType)}, not a boolean"),
            };
            reader.Skip();
        }
        else if (name.SequenceEqual("results"u8))
        {
            fields.Results = Capture(ref reader, data);
        }
        else if (name.SequenceEqual("answers"u8))
        {
            fields.Answers = Capture(ref reader, data);
        }
        else if (name.SequenceEqual("outcome"u8))
        {
            fields.Outcome = Capture(ref reader, data);
        }
        else if (name.SequenceEqual("state"u8))
        {
            fields.State = String(ref reader, "state", ref fields.Error);
        }
        else if (name.SequenceEqual("replies"u8))
        {
            fields.Replies = Capture(ref reader, data);
        }
        else
        {
            reader.Skip();
        }
    }

    /// <summary>Checks the fields every kind may carry, then builds the record of the envelope's kind from what it needs.</summary>
    private static Envelope Build(ReadOnlyMemory<byte> data, in Fields fields)
    {
        if (fields.Error is { } error)
        {
            throw Malformed(error);
        }

        try
        {
            // Every structured field is checked whatever the kind, as a version-1 reader always has.
            var filters = Filters(fields);
            var sender = Sender(fields.Sender);
            var client = Client(fields.Client);
            var remoteServers = Strings(fields.RemoteServers, "remoteServers");
            var results = Results(fields.Results);
            var answers = Answers(fields.Answers);
            var outcome = Outcome(fields.Outcome, "outcome");
            var payload = fields.Payload.Value;
            var kind = fields.Kind ?? throw Malformed("the field \"kind\" is missing");
            return kind switch
            {
                EnvelopeKinds.Send => new SendEnvelope
                {
                    Id = Need(fields.Id, kind), Project = Need(fields.Project, kind), Handler = Need(fields.Handler, kind),
                    Filters = Need(filters, kind), Sender = Need(sender, kind),
                    Payload = payload, ReplyTo = fields.ReplyTo, Deadline = fields.Deadline, TraceParent = fields.TraceParent,
                },
                EnvelopeKinds.Request => new RequestEnvelope
                {
                    Id = Need(fields.Id, kind), Project = Need(fields.Project, kind), Handler = Need(fields.Handler, kind),
                    Sender = Need(sender, kind), ReplyTo = Need(fields.ReplyTo, kind),
                    Payload = payload, Deadline = fields.Deadline, TraceParent = fields.TraceParent,
                },
                EnvelopeKinds.RequestAll => new RequestAllEnvelope
                {
                    Id = Need(fields.Id, kind), Project = Need(fields.Project, kind), Handler = Need(fields.Handler, kind),
                    Filters = Need(filters, kind), Sender = Need(sender, kind), ReplyTo = Need(fields.ReplyTo, kind),
                    Payload = payload, Deadline = fields.Deadline, TraceParent = fields.TraceParent,
                },
                EnvelopeKinds.Deliver => new DeliverEnvelope
                {
                    Id = Need(fields.Id, kind), Project = Need(fields.Project, kind), Handler = Need(fields.Handler, kind),
                    Sender = Need(sender, kind), Gateway = Need(fields.Gateway, kind), SessionId = Need(fields.SessionId, kind),
                    Payload = payload, ReplyTo = fields.ReplyTo, Deadline = fields.Deadline, TraceParent = fields.TraceParent,
                },
                EnvelopeKinds.ClientSend => new ClientSendEnvelope
                {
                    Id = Need(fields.Id, kind), Project = Need(fields.Project, kind), Handler = Need(fields.Handler, kind),
                    SessionId = Need(fields.SessionId, kind), Client = Need(client, kind), Node = Need(fields.Node, kind),
                    ReplyTo = Need(fields.ReplyTo, kind), Filters = Need(filters, kind),
                    Payload = payload, RemoteServers = remoteServers, AwaitResults = fields.AwaitResults, Deadline = fields.Deadline, TraceParent = fields.TraceParent,
                },
                EnvelopeKinds.ClientRequest => new ClientRequestEnvelope
                {
                    Id = Need(fields.Id, kind), Project = Need(fields.Project, kind), Handler = Need(fields.Handler, kind),
                    SessionId = Need(fields.SessionId, kind), Client = Need(client, kind), Node = Need(fields.Node, kind),
                    ReplyTo = Need(fields.ReplyTo, kind),
                    Payload = payload, RemoteServers = remoteServers, Deadline = fields.Deadline, TraceParent = fields.TraceParent,
                },
                EnvelopeKinds.ClientRequestAll => new ClientRequestAllEnvelope
                {
                    Id = Need(fields.Id, kind), Project = Need(fields.Project, kind), Handler = Need(fields.Handler, kind),
                    SessionId = Need(fields.SessionId, kind), Client = Need(client, kind), Node = Need(fields.Node, kind),
                    ReplyTo = Need(fields.ReplyTo, kind), Filters = Need(filters, kind),
                    Payload = payload, RemoteServers = remoteServers, Deadline = fields.Deadline, TraceParent = fields.TraceParent,
                },
                EnvelopeKinds.Reply => new ReplyEnvelope
                {
                    Id = Need(fields.Id, kind), Outcome = Need(outcome, kind),
                    Payload = payload, SessionId = fields.SessionId, Results = results, Answers = answers,
                },
                EnvelopeKinds.Replies => new RepliesEnvelope { Replies = Batch(fields.Replies) },
                EnvelopeKinds.Cancel => new CancelEnvelope { Id = Need(fields.Id, kind) },
                EnvelopeKinds.Attach => new AttachEnvelope
                {
                    Id = Need(fields.Id, kind), Client = Need(client, kind), Node = Need(fields.Node, kind), ReplyTo = Need(fields.ReplyTo, kind),
                },
                EnvelopeKinds.Heartbeat => new HeartbeatEnvelope
                {
                    SessionId = Need(fields.SessionId, kind), Client = Need(client, kind), Node = Need(fields.Node, kind),
                },
                EnvelopeKinds.Detach => new DetachEnvelope { SessionId = Need(fields.SessionId, kind), Node = fields.Node },
                EnvelopeKinds.Presence => new PresenceEnvelope
                {
                    Gateway = Need(fields.Gateway, kind), Node = Need(fields.Node, kind),
                    State = PresenceState(Need(fields.State, kind)),
                },
                EnvelopeKinds.Ping => fields.Id is null ? PingEnvelope.Instance : new PingEnvelope { Id = fields.Id },
                _ => throw Malformed($"the kind \"{kind}\" is unknown"),
            };
        }
        catch (InvalidOperationException invalid)
        {
            // System.Text.Json checks a string's UTF-8 only when it is read.
            throw Malformed($"a field does not read ({invalid.Message})", invalid);
        }
    }

    // Every field a kind needs must be present, and names must not be blank.
    private static string Need(string? field, string kind) =>
        string.IsNullOrWhiteSpace(field) ? throw Malformed($"a \"{kind}\" envelope lacks a field it needs") : field;

    private static T Need<T>(T? field, string kind)
        where T : class => field ?? throw Malformed($"a \"{kind}\" envelope lacks a field it needs");

    private static string PresenceState(string state) => state is PresenceStates.Alive or PresenceStates.Leaving
        ? state
        : throw Malformed($"the presence state \"{state}\" is not alive or leaving");

    private static FilterParams Need(FilterParams? field, string kind) => field ?? throw Malformed($"a \"{kind}\" envelope lacks a field it needs");

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

        return new FilterParams(hostName, clientSessionId, scope, user, hasRole);
    }

    private static SenderInfo? Sender(in RawValue slice)
    {
        if (!slice.IsPresent)
        {
            return null;
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

        return new SenderInfo(endpoint, gateway, sessionId, user, roles ?? [], hostName);
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
                message = String(ref reader, "message");
            }
            else if (name.SequenceEqual("errorType"u8))
            {
                errorType = String(ref reader, "errorType");
            }
            else if (name.SequenceEqual("detail"u8))
            {
                detail = String(ref reader, "detail");
            }
            else
            {
                reader.Skip();
            }
        }

        return string.IsNullOrWhiteSpace(code) ? throw Malformed("the outcome has no code") : new WireOutcome(code, message, errorType, detail);
    }

    private static List<string>? Strings(in RawValue slice, string field)
    {
        if (!slice.IsPresent)
        {
            return null;
        }

        var reader = new Utf8JsonReader(slice.Span, ReaderOptions);
        reader.Read();
        return Strings(ref reader, field);
    }

    private static List<string>? Strings(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Malformed($"\"{field}\" is a {ValueKind(reader.TokenType)}, not an array");
        }

        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(reader.TokenType == JsonTokenType.String
                ? reader.GetString()!
                : throw Malformed($"\"{field}\" holds a {ValueKind(reader.TokenType)}, not a string"));
        }

        return list;
    }

    // A nested object's reader, on its first token; null was left out when the field was scanned.
    private static Utf8JsonReader ObjectReader(in RawValue slice, string field)
    {
        var reader = new Utf8JsonReader(slice.Span, ReaderOptions);
        reader.Read();
        return reader.TokenType == JsonTokenType.StartObject
            ? reader
            : throw Malformed($"\"{field}\" is a {ValueKind(reader.TokenType)}, not an object");
    }

    private static Utf8JsonReader ArrayReader(in RawValue slice, string field)
    {
        var reader = new Utf8JsonReader(slice.Span, ReaderOptions);
        reader.Read();
        return reader.TokenType == JsonTokenType.StartArray
            ? reader
            : throw Malformed($"\"{field}\" is not an array");
    }

    // Moves to an object's next member and onto its value; false at the end of the object. A version-1 writer never
    // escapes a name, but a name that is escaped still means what it says.
    private static bool NextMember(ref Utf8JsonReader reader, out ReadOnlySpan<byte> name)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
        {
            name = default;
            return false;
        }

        if (reader.ValueIsEscaped)
        {
            var unescaped = new byte[reader.ValueSpan.Length];
            name = unescaped.AsSpan(0, reader.CopyString(unescaped));
        }
        else
        {
            name = reader.ValueSpan;
        }

        reader.Read();
        return true;
    }

    // A structured field's value as it lies in the message; a null value counts as absent.
    private static RawValue Capture(ref Utf8JsonReader reader, ReadOnlyMemory<byte> data)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return new RawValue(data, start, (int)reader.BytesConsumed - start);
    }

    private static string? String(ref Utf8JsonReader reader, string field, ref string? error)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                try
                {
                    return reader.GetString();
                }
                catch (InvalidOperationException invalid)
                {
                    error ??= $"a field does not read ({invalid.Message})";
                    return null;
                }

            case JsonTokenType.Null:
                return null;
            default:
                error ??= $"\"{field}\" is a {ValueKind(reader.TokenType)}, not a string";
                reader.Skip();
                return null;
        }
    }

    private static string? String(ref Utf8JsonReader reader, string field) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw Malformed($"\"{field}\" is a {ValueKind(reader.TokenType)}, not a string"),
    };

    private static string? NonEmpty(ref Utf8JsonReader reader, string field) => String(ref reader, field) is { Length: > 0 } text ? text : null;

    /// <summary>A string field as one of <paramref name="known"/> when it is one of them, else as read.</summary>
    private static string? Known(ref Utf8JsonReader reader, string field, KnownStrings known, ref string? error) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && known.Find(reader.ValueSpan) is { } match
            ? match
            : String(ref reader, field, ref error);

    private static string? Known(ref Utf8JsonReader reader, string field, KnownStrings known) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && known.Find(reader.ValueSpan) is { } match
            ? match
            : String(ref reader, field);

    private static T? Fail<T>(ref string? error, string detail)
    {
        error ??= detail;
        return default;
    }

    // The names JsonElement.ValueKind gives, for messages that read as they always have.
    private static string ValueKind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => nameof(JsonValueKind.Object),
        JsonTokenType.StartArray => nameof(JsonValueKind.Array),
        JsonTokenType.String => nameof(JsonValueKind.String),
        JsonTokenType.Number => nameof(JsonValueKind.Number),
        JsonTokenType.True => nameof(JsonValueKind.True),
        JsonTokenType.False => nameof(JsonValueKind.False),
        JsonTokenType.Null => nameof(JsonValueKind.Null),
        _ => token.ToString(),
    };

    private static EnvelopeException Malformed(string detail, Exception? inner = null) => new(DropReason.Malformed, detail, inner);

    /// <summary>A value as it lies in the message; absent when <see cref="IsPresent"/> is false.</summary>
    private readonly record struct RawValue(ReadOnlyMemory<byte> Data, int Start, int Length)
    {
        public bool IsPresent => Length > 0;

        public ReadOnlyMemory<byte> Value => IsPresent ? Data.Slice(Start, Length) : default;

        public ReadOnlySpan<byte> Span => Data.Span.Slice(Start, Length);
    }

    private readonly record struct VersionField(bool IsMissing, int Number, string Text);

    /// <summary>What <see cref="Scan"/> found, before the kind says which of it counts.</summary>
    private struct Fields
    {
        public string? Error;
        public string? Kind;
        public string? Id;
        public string? Project;
        public string? Handler;
        public string? Scope;
        public string? ReplyTo;
        public string? TraceParent;
        public string? Gateway;
        public string? Node;
        public string? SessionId;
        public string? State;
        public long? Deadline;
        public bool AwaitResults;
        public RawValue Filters;
        public RawValue Sender;
        public RawValue Payload;
        public RawValue Client;
        public RawValue RemoteServers;
        public RawValue Results;
        public RawValue Answers;
        public RawValue Outcome;
        public RawValue Replies;
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

    /// <summary>Strings that recur on the wire, found by their UTF-8 bytes so that a match allocates nothing.</summary>
    private sealed class KnownStrings(params string[] values)
    {
        private readonly byte[][] utf8 = Array.ConvertAll(values, System.Text.Encoding.UTF8.GetBytes);

        public string? Find(ReadOnlySpan<byte> value)
        {
            for (var i = 0; i < utf8.Length; i++)
            {
                if (value.SequenceEqual(utf8[i]))
                {
                    return values[i];
                }
            }

            return null;
        }

        public int IndexOf(string value) => Array.IndexOf(values, value);
    }
}
