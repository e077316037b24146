using System.Buffers;
using System.Text.Json;
using Switchboard.Network;

namespace Switchboard.Benchmarks.Codec.Baseline;

/// <summary>
/// The codec as it was before one record per kind, kept verbatim as the codec benchmark's baseline.
/// Writes an <see cref="LegacyEnvelope"/> as UTF-8 JSON. Absent fields are left out. Each thread reuses one buffer and one
/// <see cref="Utf8JsonWriter"/>, so an envelope costs one exactly sized array: the bytes that are published.
/// </summary>
internal static class LegacyEnvelopeWriter
{
    // A buffer that grew past this (a large payload) is let go instead of being kept by the thread.
    private const int KeptBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? threadBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? threadWriter;

    public static byte[] Write(LegacyEnvelope envelope)
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
            writer.WriteNumber("v", LegacyEnvelope.CurrentVersion);
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

    private static void WriteObject(Utf8JsonWriter writer, LegacyEnvelope envelope)
    {
        writer.WriteStartObject();
        writer.WriteNumber("v", envelope.Version);
        writer.WriteString("kind", envelope.Kind);
        Optional(writer, "id", envelope.Id);
        Optional(writer, "project", envelope.Project);
        Optional(writer, "handler", envelope.Handler);
        if (envelope.Filters is { } filters)
        {
            WriteFilters(writer, filters);
        }

        if (envelope.Sender is { } sender)
        {
            WriteSender(writer, sender);
        }

        if (envelope.Payload is { } payload)
        {
            writer.WritePropertyName("payload");
            payload.WriteTo(writer);
        }
        else if (envelope.PayloadUtf8 is { } encoded)
        {
            // Written by WireValue on this side, so it is known to be one well-formed JSON value.
            writer.WritePropertyName("payload");
            writer.WriteRawValue(encoded, skipInputValidation: true);
        }

        Optional(writer, "replyTo", envelope.ReplyTo);
        Optional(writer, "traceparent", envelope.TraceParent);
        if (envelope.Deadline is { } deadline)
        {
            writer.WriteNumber("deadline", deadline);
        }

        Optional(writer, "gateway", envelope.Gateway);
        Optional(writer, "node", envelope.Node);
        Optional(writer, "sessionId", envelope.SessionId);
        if (envelope.Client is { } client)
        {
            WriteClient(writer, client);
        }

        if (envelope.RemoteServers is { } servers)
        {
            WriteStrings(writer, "remoteServers", servers);
        }

        if (envelope.AwaitResults)
        {
            writer.WriteBoolean("awaitResults", true);
        }

        if (envelope.Results is { } results)
        {
            WriteResults(writer, results);
        }

        if (envelope.Answers is { } answers)
        {
            WriteAnswers(writer, answers);
        }

        if (envelope.Outcome is { } outcome)
        {
            WriteOutcome(writer, "outcome", outcome);
        }

        Optional(writer, "state", envelope.State);
        writer.WriteEndObject();
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

    private static void WriteAnswers(Utf8JsonWriter writer, IReadOnlyList<LegacyWireAnswer> answers)
    {
        writer.WriteStartArray("answers");
        foreach (var answer in answers)
        {
            writer.WriteStartObject();
            WriteResultFields(writer, answer.Target);
            writer.WriteString("answer", answer.Status.ToCode());
            if (answer.Value is { } value)
            {
                writer.WritePropertyName("value");
                value.WriteTo(writer);
            }
            else if (answer.ValueUtf8 is { } encoded)
            {
                // Written by WireValue on this side, so it is known to be one well-formed JSON value.
                writer.WritePropertyName("value");
                writer.WriteRawValue(encoded, skipInputValidation: true);
            }

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
