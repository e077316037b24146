using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Switchboard;

/// <summary>A durable message's payload: written as a JSON object by the sender, read back as a dictionary of plain values by the receiver.</summary>
internal static class DurablePayload
{
    public static string Write(object? payload, string project, string messageHandler)
    {
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json))
        {
            JsonPayloadWriter.Write(writer, payload ?? EmptyPayload.Instance, PayloadJson.Options, new ConversionSite(project, messageHandler, typeof(object)));
        }

        return Encoding.UTF8.GetString(json.WrittenSpan);
    }

    /// <exception cref="JsonException">The text is not a JSON object.</exception>
    public static IReadOnlyDictionary<string, object?> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A durable payload must be a JSON object.");
        }

        var payload = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            payload[property.Name] = Plain(property.Value);
        }

        return payload;
    }

    // Primitives become CLR values so that dictionary handlers see 42, not a JsonElement; objects and arrays stay JSON.
    private static object? Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var integer) ? (object)integer : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => value.Clone(),
    };
}
