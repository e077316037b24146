using System.Text.Json;

namespace Switchboard.Network;

/// <summary>
/// Reads and checks an <see cref="Envelope"/> in one pass over its bytes: the JSON must be an object of version
/// <see cref="Envelope.CurrentVersion"/>, every field must have its type, and each kind must have the fields it needs.
/// Anything else is an <see cref="EnvelopeException"/>, so that nothing half-read is ever acted on. The payload is not
/// decoded here: it stays a slice of the received bytes until a handler asks for it in its own type.
/// </summary>
internal static partial class EnvelopeReader
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

    private static EnvelopeException Malformed(string detail, Exception? inner = null) => new(DropReason.Malformed, detail, inner);

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
}
