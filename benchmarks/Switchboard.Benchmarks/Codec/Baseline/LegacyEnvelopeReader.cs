using System.Text.Json;
using Switchboard.Network;

namespace Switchboard.Benchmarks.Codec.Baseline;

/// <summary>
/// The codec as it was before one record per kind, kept verbatim as the codec benchmark's baseline.
/// Reads and checks an <see cref="LegacyEnvelope"/>: the JSON must be an object of version <see cref="LegacyEnvelope.CurrentVersion"/>,
/// every field must have its type, and each kind must have the fields it needs. Anything else is an
/// <see cref="EnvelopeException"/>, so that nothing half-read is ever acted on.
/// </summary>
internal static class LegacyEnvelopeReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    // Values that recur in every message are matched against these and not allocated again.
    private static readonly string[] KnownKinds =
    [
        EnvelopeKinds.Send, EnvelopeKinds.Reply, EnvelopeKinds.Replies, EnvelopeKinds.Request, EnvelopeKinds.Presence, EnvelopeKinds.Heartbeat,
        EnvelopeKinds.Deliver, EnvelopeKinds.ClientSend, EnvelopeKinds.ClientRequest, EnvelopeKinds.Cancel, EnvelopeKinds.Attach,
        EnvelopeKinds.Detach, EnvelopeKinds.Ping, EnvelopeKinds.RequestAll, EnvelopeKinds.ClientRequestAll,
    ];

    private static readonly string[] EndpointKinds =
        [nameof(EndpointKind.Gateway), nameof(EndpointKind.Client), nameof(EndpointKind.Session), nameof(EndpointKind.Designer)];

    private static readonly string[] TargetTypes =
        [nameof(DeliveryTargetType.Gateway), nameof(DeliveryTargetType.Client), nameof(DeliveryTargetType.Session), nameof(DeliveryTargetType.RemoteGateway)];

    private static readonly string[] Statuses = ["SENT", "NO_HANDLER", "DENIED", "UNREACHABLE", "QUEUE_FULL"];

    private static readonly RequestAllStatus[] AnswerStatuses = Enum.GetValues<RequestAllStatus>();

    private static readonly string[] AnswerCodes = Array.ConvertAll(AnswerStatuses, status => status.ToCode());

    private static readonly string[] OutcomeCodeNames = [OutcomeCodes.Ok, OutcomeCodes.NotFound, OutcomeCodes.Failed, OutcomeCodes.Timeout];

    public static LegacyEnvelope Read(ReadOnlyMemory<byte> data)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(data, DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw Malformed($"not JSON ({exception.Message})", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed($"the JSON is a {root.ValueKind}, not an object");
            }

            if (!root.TryGetProperty("v", out var version) || version.ValueKind != JsonValueKind.Number)
            {
                throw Malformed("the version field \"v\" is missing or not a number");
            }

            if (!version.TryGetInt32(out var number) || number != LegacyEnvelope.CurrentVersion)
            {
                throw new EnvelopeException(
                    DropReason.UnknownVersion, $"envelope version {version.GetRawText()} is not {LegacyEnvelope.CurrentVersion}, the version this runtime reads");
            }

            try
            {
                var envelope = ReadFields(root);
                Validate(envelope);
                return envelope;
            }
            catch (InvalidOperationException invalid)
            {
                // System.Text.Json checks a string's UTF-8 only when it is read.
                throw Malformed($"a field does not read ({invalid.Message})", invalid);
            }
        }
    }

    private static LegacyEnvelope ReadFields(JsonElement root) => ReadFields(root, Known(root, "kind", KnownKinds) ?? throw Malformed("the field \"kind\" is missing"));

    private static LegacyEnvelope ReadFields(JsonElement root, string kind) => new()
    {
        Kind = kind,
        Id = String(root, "id"),
        Project = String(root, "project"),
        Handler = String(root, "handler"),
        Filters = Filters(root),
        Sender = Sender(root),
        Payload = root.TryGetProperty("payload", out var payload) && payload.ValueKind != JsonValueKind.Null ? payload.Clone() : null,
        ReplyTo = String(root, "replyTo"),
        Deadline = Int64(root, "deadline"),
        Gateway = String(root, "gateway"),
        Node = String(root, "node"),
        SessionId = String(root, "sessionId"),
        Client = Client(root),
        RemoteServers = Strings(root, "remoteServers"),
        AwaitResults = Boolean(root, "awaitResults"),
        Results = Results(root),
        Answers = Answers(root),
        Outcome = Outcome(root),
        State = String(root, "state"),
        TraceParent = String(root, "traceparent"),
        Replies = kind == EnvelopeKinds.Replies ? Batch(root, "replies", EnvelopeKinds.Reply) : null,
    };

    private static void Validate(LegacyEnvelope envelope)
    {
        switch (envelope.Kind)
        {
            case EnvelopeKinds.Send:
                Require(envelope, envelope.Id, envelope.Project, envelope.Handler, envelope.Filters, envelope.Sender);
                break;
            case EnvelopeKinds.Request:
                Require(envelope, envelope.Id, envelope.Project, envelope.Handler, envelope.Sender, envelope.ReplyTo);
                break;
            case EnvelopeKinds.Cancel:
                Require(envelope, envelope.Id);
                break;
            case EnvelopeKinds.Reply:
                Require(envelope, envelope.Id, envelope.Outcome);
                break;
            case EnvelopeKinds.Replies:
                if (envelope.Replies is not { Count: > 0 })
                {
                    throw Malformed("a \"replies\" envelope has no replies");
                }

                break;
            case EnvelopeKinds.Attach:
                Require(envelope, envelope.Id, envelope.Client, envelope.ReplyTo, envelope.Node);
                break;
            case EnvelopeKinds.Heartbeat:
                Require(envelope, envelope.SessionId, envelope.Client, envelope.Node);
                break;
            case EnvelopeKinds.Detach:
                Require(envelope, envelope.SessionId);
                break;
            case EnvelopeKinds.Deliver:
                Require(envelope, envelope.Id, envelope.SessionId, envelope.Gateway, envelope.Project, envelope.Handler, envelope.Sender);
                break;
            case EnvelopeKinds.ClientSend:
                Require(envelope, envelope.Id, envelope.SessionId, envelope.Client, envelope.Node, envelope.Project, envelope.Handler, envelope.Filters, envelope.ReplyTo);
                break;
            case EnvelopeKinds.ClientRequest:
                Require(envelope, envelope.Id, envelope.SessionId, envelope.Client, envelope.Node, envelope.Project, envelope.Handler, envelope.ReplyTo);
                break;
            case EnvelopeKinds.RequestAll:
                Require(envelope, envelope.Id, envelope.Project, envelope.Handler, envelope.Filters, envelope.Sender, envelope.ReplyTo);
                break;
            case EnvelopeKinds.ClientRequestAll:
                Require(envelope, envelope.Id, envelope.SessionId, envelope.Client, envelope.Node, envelope.Project, envelope.Handler, envelope.Filters, envelope.ReplyTo);
                break;
            case EnvelopeKinds.Presence:
                Require(envelope, envelope.Gateway, envelope.Node, envelope.State);
                if (envelope.State is not (PresenceStates.Alive or PresenceStates.Leaving))
                {
                    throw Malformed($"the presence state \"{envelope.State}\" is not alive or leaving");
                }

                break;
            case EnvelopeKinds.Ping:
                break;
            default:
                throw Malformed($"the kind \"{envelope.Kind}\" is unknown");
        }
    }

    // Every field a kind needs must be present, and names must not be blank.
    private static void Require(LegacyEnvelope envelope, params object?[] fields)
    {
        foreach (var field in fields)
        {
            if (field is null || field is string text && string.IsNullOrWhiteSpace(text))
            {
                throw Malformed($"a \"{envelope.Kind}\" envelope lacks a field it needs");
            }
        }
    }

    private static FilterParams? Filters(JsonElement root)
    {
        var scopeCode = String(root, "scope");
        var filters = Object(root, "filters");
        if (scopeCode is null)
        {
            return filters is null ? null : throw Malformed("\"filters\" is given without \"scope\"");
        }

        if (!ScopeCode.TryParse(scopeCode, out var scope))
        {
            throw Malformed($"the scope \"{scopeCode}\" is not a combination of C, G and S");
        }

        return filters is { } given
            ? new FilterParams(NonEmpty(given, "hostName"), NonEmpty(given, "clientSessionId"), scope, NonEmpty(given, "user"), NonEmpty(given, "hasRole"))
            : new FilterParams(null, null, scope, null, null);
    }

    private static SenderInfo? Sender(JsonElement root)
    {
        if (Object(root, "sender") is not { } sender)
        {
            return null;
        }

        var kind = Known(sender, "kind", EndpointKinds) switch
        {
            nameof(EndpointKind.Gateway) => EndpointKind.Gateway,
            nameof(EndpointKind.Client) => EndpointKind.Client,
            nameof(EndpointKind.Session) => EndpointKind.Session,
            nameof(EndpointKind.Designer) => EndpointKind.Designer,
            var other => throw Malformed($"the sender kind \"{other}\" is unknown"),
        };
        var gateway = String(sender, "gateway");
        if (string.IsNullOrWhiteSpace(gateway))
        {
            throw Malformed("the sender has no gateway");
        }

        return new SenderInfo(kind, gateway, String(sender, "sessionId"), String(sender, "user"), Strings(sender, "roles") ?? [], String(sender, "hostName"));
    }

    private static ClientIdentity? Client(JsonElement root)
    {
        if (Object(root, "client") is not { } client)
        {
            return null;
        }

        var project = String(client, "project");
        if (string.IsNullOrWhiteSpace(project))
        {
            throw Malformed("the client identity has no project");
        }

        return new ClientIdentity
        {
            Project = project,
            User = String(client, "user"),
            Roles = Strings(client, "roles") ?? [],
            HostName = String(client, "hostName"),
            Address = String(client, "address"),
            SessionId = String(client, "sessionId"),
        };
    }

    private static List<WireResult>? Results(JsonElement root)
    {
        if (!root.TryGetProperty("results", out var results) || results.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (results.ValueKind != JsonValueKind.Array)
        {
            throw Malformed("\"results\" is not an array");
        }

        var list = new List<WireResult>(results.GetArrayLength());
        foreach (var result in results.EnumerateArray())
        {
            if (result.ValueKind != JsonValueKind.Object)
            {
                throw Malformed("a result is not an object");
            }

            list.Add(Result(result));
        }

        return list;
    }

    private static WireResult Result(JsonElement result)
    {
        var type = Known(result, "type", TargetTypes) switch
        {
            nameof(DeliveryTargetType.Gateway) => DeliveryTargetType.Gateway,
            nameof(DeliveryTargetType.Client) => DeliveryTargetType.Client,
            nameof(DeliveryTargetType.Session) => DeliveryTargetType.Session,
            nameof(DeliveryTargetType.RemoteGateway) => DeliveryTargetType.RemoteGateway,
            var other => throw Malformed($"the result type \"{other}\" is unknown"),
        };
        var status = Known(result, "status", Statuses) switch
        {
            "SENT" => DeliveryStatus.Sent,
            "NO_HANDLER" => DeliveryStatus.NoHandler,
            "DENIED" => DeliveryStatus.Denied,
            "UNREACHABLE" => DeliveryStatus.Unreachable,
            "QUEUE_FULL" => DeliveryStatus.QueueFull,
            var other => throw Malformed($"the result status \"{other}\" is unknown"),
        };
        return new WireResult(
            type, String(result, "sessionId"), String(result, "clientAddress"), String(result, "clientHostName"), String(result, "serverName"), status);
    }

    // A request-all's answers: each a result's fields, plus what it answered ("answer"), its value and its error.
    private static List<LegacyWireAnswer>? Answers(JsonElement root)
    {
        if (!root.TryGetProperty("answers", out var answers) || answers.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (answers.ValueKind != JsonValueKind.Array)
        {
            throw Malformed("\"answers\" is not an array");
        }

        var list = new List<LegacyWireAnswer>(answers.GetArrayLength());
        foreach (var answer in answers.EnumerateArray())
        {
            if (answer.ValueKind != JsonValueKind.Object)
            {
                throw Malformed("an answer is not an object");
            }

            var status = Known(answer, "answer", AnswerCodes) is { } code
                ? Array.IndexOf(AnswerCodes, code) is var index and >= 0 ? AnswerStatuses[index] : throw Malformed($"the answer \"{code}\" is unknown")
                : throw Malformed("an answer has no \"answer\"");
            var value = answer.TryGetProperty("value", out var element) && element.ValueKind != JsonValueKind.Null ? element.Clone() : (JsonElement?)null;
            list.Add(new LegacyWireAnswer(Result(answer), status, value, Error: Outcome(answer, "error")));
        }

        return list;
    }

    // Each element of a batch ("replies") is a whole version-1 envelope of one kind, read and checked as one;
    // one bad element drops the whole batch. Batches do not nest.
    private static List<LegacyEnvelope>? Batch(JsonElement root, string name, string kind)
    {
        if (!root.TryGetProperty(name, out var elements) || elements.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (elements.ValueKind != JsonValueKind.Array)
        {
            throw Malformed($"\"{name}\" is not an array");
        }

        var list = new List<LegacyEnvelope>(elements.GetArrayLength());
        foreach (var element in elements.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Malformed($"an element of \"{name}\" is not an object");
            }

            if (!element.TryGetProperty("v", out var version) || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out var number) || number != LegacyEnvelope.CurrentVersion)
            {
                throw Malformed($"an element of \"{name}\" is not of version {LegacyEnvelope.CurrentVersion}");
            }

            if (element.TryGetProperty("replies", out _))
            {
                throw Malformed($"an element of \"{name}\" holds a batch itself");
            }

            var inner = ReadFields(element);
            if (inner.Kind != kind)
            {
                throw Malformed($"a \"{inner.Kind}\" envelope is in \"{name}\", which holds only \"{kind}\" envelopes");
            }

            Validate(inner);
            list.Add(inner);
        }

        return list;
    }

    private static WireOutcome? Outcome(JsonElement root, string name = "outcome")
    {
        if (Object(root, name) is not { } outcome)
        {
            return null;
        }

        var code = Known(outcome, "code", OutcomeCodeNames);
        if (string.IsNullOrWhiteSpace(code))
        {
            throw Malformed("the outcome has no code");
        }

        return new WireOutcome(code, String(outcome, "message"), String(outcome, "errorType"), String(outcome, "detail"));
    }

    private static JsonElement? Object(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw Malformed($"\"{name}\" is a {value.ValueKind}, not an object");
    }

    private static string? String(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Malformed($"\"{name}\" is a {value.ValueKind}, not a string");
    }

    /// <summary>A string field as one of <paramref name="known"/> when it is one of them, else as read.</summary>
    private static string? Known(JsonElement parent, string name, string[] known)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return String(parent, name);
        }

        foreach (var candidate in known)
        {
            if (value.ValueEquals(candidate))
            {
                return candidate;
            }
        }

        return value.GetString();
    }

    private static string? NonEmpty(JsonElement parent, string name) => String(parent, name) is { Length: > 0 } text ? text : null;

    private static long? Int64(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw Malformed($"\"{name}\" is not a whole number");
    }

    private static bool Boolean(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Malformed($"\"{name}\" is a {value.ValueKind}, not a boolean"),
        };
    }

    private static List<string>? Strings(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Malformed($"\"{name}\" is a {value.ValueKind}, not an array");
        }

        var list = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Malformed($"\"{name}\" holds a {item.ValueKind}, not a string"));
        }

        return list;
    }

    private static EnvelopeException Malformed(string detail, Exception? inner = null) => new(DropReason.Malformed, detail, inner);
}
