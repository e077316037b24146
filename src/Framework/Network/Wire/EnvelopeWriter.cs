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
            writer.WriteNumber("v", Envelope.CurrentVersion);
            writer.WriteString("kind", kind);
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
        writer.WriteNumber("v", Envelope.CurrentVersion);
        writer.WriteString("kind", envelope.Kind);
        switch (envelope)
        {
            case SendEnvelope send:
                WriteHandlerMessage(writer, send, send.Filters, send.Sender, send.ReplyTo);
                if (send.ReplyTo is not null)
                {
                    // An awaited send: the receiver replies with its delivery results.
                    writer.WriteBoolean("awaitResults", true);
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
                writer.WriteString("gateway", deliver.Gateway);
                writer.WriteString("sessionId", deliver.SessionId);
                break;
            case ClientSendEnvelope clientSend:
                WriteClientMessage(writer, clientSend, clientSend.Filters);
                if (clientSend.AwaitResults)
                {
                    writer.WriteBoolean("awaitResults", true);
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
                writer.WriteString("id", cancel.Id);
                break;
            case AttachEnvelope attach:
                writer.WriteString("id", attach.Id);
                writer.WriteString("replyTo", attach.ReplyTo);
                writer.WriteString("node", attach.Node);
                WriteClient(writer, attach.Client);
                break;
            case HeartbeatEnvelope heartbeat:
                writer.WriteString("node", heartbeat.Node);
                writer.WriteString("sessionId", heartbeat.SessionId);
                WriteClient(writer, heartbeat.Client);
                break;
            case DetachEnvelope detach:
                Optional(writer, "node", detach.Node);
                writer.WriteString("sessionId", detach.SessionId);
                break;
            case PresenceEnvelope presence:
                writer.WriteString("gateway", presence.Gateway);
                writer.WriteString("node", presence.Node);
                writer.WriteString("state", presence.State);
                break;
            case PingEnvelope ping:
                Optional(writer, "id", ping.Id);
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
        writer.WriteString("id", message.Id);
        writer.WriteString("project", message.Project);
        writer.WriteString("handler", message.Handler);
        if (filters is { } given)
        {
            WriteFilters(writer, given);
        }

        if (sender is not null)
        {
            WriteSender(writer, sender);
        }

        WritePayload(writer, "payload", message.Payload);
        Optional(writer, "replyTo", replyTo);
        Optional(writer, "traceparent", message.TraceParent);
        if (message.Deadline is { } deadline)
        {
            writer.WriteNumber("deadline", deadline);
        }
    }

    private static void WriteClientMessage(Utf8JsonWriter writer, ClientMessage message, FilterParams? filters)
    {
        WriteHandlerMessage(writer, message, filters, sender: null, message.ReplyTo);
        writer.WriteString("node", message.Node);
        writer.WriteString("sessionId", message.SessionId);
        WriteClient(writer, message.Client);
        if (message.RemoteServers is { } servers)
        {
            WriteStrings(writer, "remoteServers", servers);
        }
    }

    private static void WriteReply(Utf8JsonWriter writer, ReplyEnvelope reply)
    {
        writer.WriteString("id", reply.Id);
        WritePayload(writer, "payload", reply.Payload);
        Optional(writer, "sessionId", reply.SessionId);
        if (reply.Results is { } results)
        {
            WriteResults(writer, results);
        }

        if (reply.Answers is { } answers)
        {
            WriteAnswers(writer, answers);
        }

        WriteOutcome(writer, "outcome", reply.Outcome);
    }

    // A payload or value is one well-formed JSON value: encoded by WireValue on this side, or a slice of an envelope
    // that was read whole (and so checked) when it is passed on as it arrived.
    private static void WritePayload(Utf8JsonWriter writer, string name, ReadOnlyMemory<byte> utf8)
    {
        if (!utf8.IsEmpty)
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(utf8.Span, skipInputValidation: true);
        }
    }

    private static void WriteFilters(Utf8JsonWriter writer, in FilterParams filters)
    {
        writer.WriteString("scope", filters.Scope.ToCode());
        writer.WriteStartObject("filters");
        Optional(writer, "clientSessionId", filters.ClientSessionId);
        Optional(writer, "user", filters.User);
        Optional(writer, "hasRole", filters.HasRole);
        Optional(writer, "hostName", filters.HostName);
        writer.WriteEndObject();
    }

    private static void WriteSender(Utf8JsonWriter writer, SenderInfo sender)
    {
        writer.WriteStartObject("sender");
        writer.WriteString("kind", sender.Kind.ToString());
        writer.WriteString("gateway", sender.GatewayName);
        Optional(writer, "sessionId", sender.SessionId);
        Optional(writer, "user", sender.User);
        WriteStrings(writer, "roles", sender.Roles);
        Optional(writer, "hostName", sender.HostName);
        writer.WriteEndObject();
    }

    private static void WriteClient(Utf8JsonWriter writer, ClientIdentity client)
    {
        writer.WriteStartObject("client");
        writer.WriteString("project", client.Project);
        Optional(writer, "user", client.User);
        WriteStrings(writer, "roles", client.Roles);
        Optional(writer, "hostName", client.HostName);
        Optional(writer, "address", client.Address);
        Optional(writer, "sessionId", client.SessionId);
        writer.WriteEndObject();
    }

    private static void WriteResults(Utf8JsonWriter writer, IReadOnlyList<WireResult> results)
    {
        writer.WriteStartArray("results");
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
        writer.WriteString("type", result.Type.ToString());
        Optional(writer, "sessionId", result.SessionId);
        Optional(writer, "clientAddress", result.ClientAddress);
        Optional(writer, "clientHostName", result.ClientHostName);
        Optional(writer, "serverName", result.ServerName);
        writer.WriteString("status", result.Status.ToCode());
    }

    private static void WriteAnswers(Utf8JsonWriter writer, IReadOnlyList<WireAnswer> answers)
    {
        writer.WriteStartArray("answers");
        foreach (var answer in answers)
        {
            writer.WriteStartObject();
            WriteResultFields(writer, answer.Target);
            writer.WriteString("answer", answer.Status.ToCode());
            WritePayload(writer, "value", answer.Value);

            if (answer.Error is { } error)
            {
                WriteOutcome(writer, "error", error);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteOutcome(Utf8JsonWriter writer, string name, WireOutcome outcome)
    {
        writer.WriteStartObject(name);
        writer.WriteString("code", outcome.Code);
        Optional(writer, "message", outcome.Message);
        Optional(writer, "errorType", outcome.ErrorType);
        Optional(writer, "detail", outcome.Detail);
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void Optional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
