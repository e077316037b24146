using System.Buffers;
using System.Text.Json;

namespace Switchboard.Network;

/// <summary>
/// Writes an <see cref="Envelope"/> as UTF-8 JSON, each kind's fields in the order version 1 fixes. Absent fields are left out. Each thread reuses one buffer and one
/// <see cref="Utf8JsonWriter"/>, so an envelope costs one exactly sized array: the bytes that are published.
/// </summary>
internal static class EnvelopeWriter
{
    // A buffer that grew past this (a large payload) is let go instead of being kept by the thread.
    private const int KeptBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? threadBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? threadWriter;

    public static byte[] Write(Envelope envelope)
    {
        var (buffer, writer) = Rent();
        try
        {
            WriteObject(writer, envelope);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            Return(buffer, writer);
        }
    }

    /// <summary>
    /// Writes a batch envelope (<c>replies</c>): several envelopes of one kind to one channel, each
    /// already written.
    /// </summary>
    public static byte[] WriteBatch(string kind, IReadOnlyList<byte[]> envelopes)
    {
        var (buffer, writer) = Rent();
        try
        {
            writer.WriteStartObject();
            writer.WriteNumber(Names.V, Envelope.CurrentVersion);
            writer.WriteString(Names.Kind, kind);
            writer.WriteStartArray(kind);
            foreach (var envelope in envelopes)
            {
                writer.WriteRawValue(envelope, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            Return(buffer, writer);
        }
    }

    /// <summary>How many bytes <see cref="WriteBatch"/> adds around its envelopes, besides one comma between each two.</summary>
    public const int BatchOverhead = 48;

    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer) Rent()
    {
        var buffer = threadBuffer ??= new ArrayBufferWriter<byte>(512);
        var writer = threadWriter;
        if (writer is null)
        {
            threadWriter = writer = new Utf8JsonWriter(buffer);
        }
        else
        {
            writer.Reset(buffer);
        }

        return (buffer, writer);
    }

    private static void Return(ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
    {
        writer.Reset();
        if (buffer.Capacity > KeptBufferBytes)
        {
            threadBuffer = null;
            threadWriter = null;
            return;
        }

        buffer.ResetWrittenCount();
    }

    // Each kind writes its fields in one fixed order (v, kind, id, project, handler, scope and filters, sender, payload,
    // replyTo, traceparent, deadline, gateway, node, sessionId, client, remoteServers, awaitResults, results, answers,
    // outcome, state), so that the bytes, and the signatures over them, stay what version 1 has always written.
    private static void WriteObject(Utf8JsonWriter writer, Envelope envelope)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Names.V, Envelope.CurrentVersion);
        writer.WriteString(Names.Kind, envelope.Kind);
        switch (envelope)
        {
            case SendEnvelope send:
                WriteHandlerMessage(writer, send, send.Filters, send.Sender, send.ReplyTo);
                if (send.ReplyTo is not null)
                {
                    // An awaited send: the receiver replies with its delivery results.
                    writer.WriteBoolean(Names.AwaitResults, true);
                }

                break;
            case RequestEnvelope request:
                WriteHandlerMessage(writer, request, filters: null, request.Sender, request.ReplyTo);
                break;
            case RequestAllEnvelope requestAll:
                WriteHandlerMessage(writer, requestAll, requestAll.Filters, requestAll.Sender, requestAll.ReplyTo);
                break;
            case DeliverEnvelope deliver:
                WriteHandlerMessage(writer, deliver, filters: null, deliver.Sender, deliver.ReplyTo);
                writer.WriteString(Names.Gateway, deliver.Gateway);
                writer.WriteString(Names.SessionId, deliver.SessionId);
                break;
            case ClientSendEnvelope clientSend:
                WriteClientMessage(writer, clientSend, clientSend.Filters);
                if (clientSend.AwaitResults)
                {
                    writer.WriteBoolean(Names.AwaitResults, true);
                }

                break;
            case ClientRequestEnvelope clientRequest:
                WriteClientMessage(writer, clientRequest, filters: null);
                break;
            case ClientRequestAllEnvelope clientRequestAll:
                WriteClientMessage(writer, clientRequestAll, clientRequestAll.Filters);
                break;
            case ReplyEnvelope reply:
                WriteReply(writer, reply);
                break;
            case CancelEnvelope cancel:
                writer.WriteString(Names.Id, cancel.Id);
                break;
            case AttachEnvelope attach:
                writer.WriteString(Names.Id, attach.Id);
                writer.WriteString(Names.ReplyTo, attach.ReplyTo);
                writer.WriteString(Names.Node, attach.Node);
                WriteClient(writer, attach.Client);
                break;
            case HeartbeatEnvelope heartbeat:
                writer.WriteString(Names.Node, heartbeat.Node);
                writer.WriteString(Names.SessionId, heartbeat.SessionId);
                WriteClient(writer, heartbeat.Client);
                break;
            case DetachEnvelope detach:
                Optional(writer, Names.Node, detach.Node);
                writer.WriteString(Names.SessionId, detach.SessionId);
                break;
            case PresenceEnvelope presence:
                writer.WriteString(Names.Gateway, presence.Gateway);
                writer.WriteString(Names.Node, presence.Node);
                writer.WriteString(Names.State, presence.State);
                break;
            case PingEnvelope ping:
                Optional(writer, Names.Id, ping.Id);
                break;
            default:
                // A batch is written from replies already written (WriteBatch), never as a record.
                throw new ArgumentException($"A \"{envelope.Kind}\" envelope is not written as one record.", nameof(envelope));
        }

        writer.WriteEndObject();
    }

    // The fields every handler message starts with, up to its deadline.
    private static void WriteHandlerMessage(Utf8JsonWriter writer, HandlerMessage message, FilterParams? filters, SenderInfo? sender, string? replyTo)
    {
        writer.WriteString(Names.Id, message.Id);
        writer.WriteString(Names.Project, message.Project);
        writer.WriteString(Names.Handler, message.Handler);
        if (filters is { } given)
        {
            WriteFilters(writer, given);
        }

        if (sender is not null)
        {
            WriteSender(writer, sender);
        }

        WritePayload(writer, Names.Payload, message.Payload);
        Optional(writer, Names.ReplyTo, replyTo);
        Optional(writer, Names.Traceparent, message.TraceParent);
        if (message.Deadline is { } deadline)
        {
            writer.WriteNumber(Names.Deadline, deadline);
        }
    }

    private static void WriteClientMessage(Utf8JsonWriter writer, ClientMessage message, FilterParams? filters)
    {
        WriteHandlerMessage(writer, message, filters, sender: null, message.ReplyTo);
        writer.WriteString(Names.Node, message.Node);
        writer.WriteString(Names.SessionId, message.SessionId);
        WriteClient(writer, message.Client);
        if (message.RemoteServers is { } servers)
        {
            WriteStrings(writer, Names.RemoteServers, servers);
        }
    }

    private static void WriteReply(Utf8JsonWriter writer, ReplyEnvelope reply)
    {
        writer.WriteString(Names.Id, reply.Id);
        WritePayload(writer, Names.Payload, reply.Payload);
        Optional(writer, Names.SessionId, reply.SessionId);
        if (reply.Results is { } results)
        {
            WriteResults(writer, results);
        }

        if (reply.Answers is { } answers)
        {
            WriteAnswers(writer, answers);
        }

        WriteOutcome(writer, Names.Outcome, reply.Outcome);
    }

    // A payload or value is one well-formed JSON value: encoded by WireValue on this side, or a slice of an envelope
    // that was read whole (and so checked) when it is passed on as it arrived.
    private static void WritePayload(Utf8JsonWriter writer, JsonEncodedText name, ReadOnlyMemory<byte> utf8)
    {
        if (!utf8.IsEmpty)
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(utf8.Span, skipInputValidation: true);
        }
    }

    private static void WriteFilters(Utf8JsonWriter writer, in FilterParams filters)
    {
        writer.WriteString(Names.Scope, filters.Scope.ToCode());
        writer.WriteStartObject(Names.Filters);
        Optional(writer, Names.ClientSessionId, filters.ClientSessionId);
        Optional(writer, Names.User, filters.User);
        Optional(writer, Names.HasRole, filters.HasRole);
        Optional(writer, Names.HostName, filters.HostName);
        writer.WriteEndObject();
    }

    private static void WriteSender(Utf8JsonWriter writer, SenderInfo sender)
    {
        writer.WriteStartObject(Names.Sender);
        writer.WriteString(Names.Kind, KindText(sender.Kind));
        writer.WriteString(Names.Gateway, sender.GatewayName);
        Optional(writer, Names.SessionId, sender.SessionId);
        Optional(writer, Names.User, sender.User);
        WriteStrings(writer, Names.Roles, sender.Roles);
        Optional(writer, Names.HostName, sender.HostName);
        writer.WriteEndObject();
    }

    private static void WriteClient(Utf8JsonWriter writer, ClientIdentity client)
    {
        writer.WriteStartObject(Names.Client);
        writer.WriteString(Names.Project, client.Project);
        Optional(writer, Names.User, client.User);
        WriteStrings(writer, Names.Roles, client.Roles);
        Optional(writer, Names.HostName, client.HostName);
        Optional(writer, Names.Address, client.Address);
        Optional(writer, Names.SessionId, client.SessionId);
        writer.WriteEndObject();
    }

    private static void WriteResults(Utf8JsonWriter writer, IReadOnlyList<WireResult> results)
    {
        writer.WriteStartArray(Names.Results);
        foreach (var result in results)
        {
            writer.WriteStartObject();
            WriteResultFields(writer, result);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteResultFields(Utf8JsonWriter writer, WireResult result)
    {
        writer.WriteString(Names.Type, result.Type.ToString());
        Optional(writer, Names.SessionId, result.SessionId);
        Optional(writer, Names.ClientAddress, result.ClientAddress);
        Optional(writer, Names.ClientHostName, result.ClientHostName);
        Optional(writer, Names.ServerName, result.ServerName);
        writer.WriteString(Names.Status, result.Status.ToCode());
    }

    private static void WriteAnswers(Utf8JsonWriter writer, IReadOnlyList<WireAnswer> answers)
    {
        writer.WriteStartArray(Names.Answers);
        foreach (var answer in answers)
        {
            writer.WriteStartObject();
            WriteResultFields(writer, answer.Target);
            writer.WriteString(Names.Answer, answer.Status.ToCode());
            WritePayload(writer, Names.Value, answer.Value);

            if (answer.Error is { } error)
            {
                WriteOutcome(writer, Names.Error, error);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteOutcome(Utf8JsonWriter writer, JsonEncodedText name, WireOutcome outcome)
    {
        writer.WriteStartObject(name);
        writer.WriteString(Names.Code, outcome.Code);
        Optional(writer, Names.Message, outcome.Message);
        Optional(writer, Names.ErrorType, outcome.ErrorType);
        Optional(writer, Names.Detail, outcome.Detail);
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void Optional(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    // Every envelope from an endpoint names its kind: the enum's own name, without formatting it each time.
    private static string KindText(EndpointKind kind) => kind switch
    {
        EndpointKind.Gateway => nameof(EndpointKind.Gateway),
        EndpointKind.Client => nameof(EndpointKind.Client),
        EndpointKind.Session => nameof(EndpointKind.Session),
        EndpointKind.Designer => nameof(EndpointKind.Designer),
        _ => kind.ToString(),
    };

    // The property names, encoded once: written as they are, without a per-call check for characters to escape.
    private static class Names
    {
        public static readonly JsonEncodedText Address = JsonEncodedText.Encode("address");
        public static readonly JsonEncodedText Answer = JsonEncodedText.Encode("answer");
        public static readonly JsonEncodedText Answers = JsonEncodedText.Encode("answers");
        public static readonly JsonEncodedText AwaitResults = JsonEncodedText.Encode("awaitResults");
        public static readonly JsonEncodedText Client = JsonEncodedText.Encode("client");
        public static readonly JsonEncodedText ClientAddress = JsonEncodedText.Encode("clientAddress");
        public static readonly JsonEncodedText ClientHostName = JsonEncodedText.Encode("clientHostName");
        public static readonly JsonEncodedText ClientSessionId = JsonEncodedText.Encode("clientSessionId");
        public static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
        public static readonly JsonEncodedText Deadline = JsonEncodedText.Encode("deadline");
        public static readonly JsonEncodedText Detail = JsonEncodedText.Encode("detail");
        public static readonly JsonEncodedText Error = JsonEncodedText.Encode("error");
        public static readonly JsonEncodedText ErrorType = JsonEncodedText.Encode("errorType");
        public static readonly JsonEncodedText Filters = JsonEncodedText.Encode("filters");
        public static readonly JsonEncodedText Gateway = JsonEncodedText.Encode("gateway");
        public static readonly JsonEncodedText Handler = JsonEncodedText.Encode("handler");
        public static readonly JsonEncodedText HasRole = JsonEncodedText.Encode("hasRole");
        public static readonly JsonEncodedText HostName = JsonEncodedText.Encode("hostName");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
        public static readonly JsonEncodedText Node = JsonEncodedText.Encode("node");
        public static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");
        public static readonly JsonEncodedText Payload = JsonEncodedText.Encode("payload");
        public static readonly JsonEncodedText Project = JsonEncodedText.Encode("project");
        public static readonly JsonEncodedText RemoteServers = JsonEncodedText.Encode("remoteServers");
        public static readonly JsonEncodedText ReplyTo = JsonEncodedText.Encode("replyTo");
        public static readonly JsonEncodedText Results = JsonEncodedText.Encode("results");
        public static readonly JsonEncodedText Roles = JsonEncodedText.Encode("roles");
        public static readonly JsonEncodedText Scope = JsonEncodedText.Encode("scope");
        public static readonly JsonEncodedText Sender = JsonEncodedText.Encode("sender");
        public static readonly JsonEncodedText ServerName = JsonEncodedText.Encode("serverName");
        public static readonly JsonEncodedText SessionId = JsonEncodedText.Encode("sessionId");
        public static readonly JsonEncodedText State = JsonEncodedText.Encode("state");
        public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        public static readonly JsonEncodedText Traceparent = JsonEncodedText.Encode("traceparent");
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText User = JsonEncodedText.Encode("user");
        public static readonly JsonEncodedText V = JsonEncodedText.Encode("v");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    }
}
