using System.Collections;
using System.Text.Json;

namespace Switchboard;

/// <summary>
/// Writes a payload as JSON. Dictionaries, lists and primitive values, the shapes Ignition payloads are made of, are
/// written directly so they need no JSON metadata; any other value is written with its own metadata from the options.
/// </summary>
internal static class JsonPayloadWriter
{
    // The same limit System.Text.Json applies by default; a dictionary that contains itself stops here.
    private const int MaxDepth = 64;

    public static void Write(Utf8JsonWriter writer, object? payload, JsonSerializerOptions options, in ConversionSite site) =>
        WriteValue(writer, payload, options, site, key: null, depth: 0);

    private static void WriteValue(Utf8JsonWriter writer, object? value, JsonSerializerOptions options, in ConversionSite site, string? key, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new PayloadConversionException(
                site.Project, site.MessageHandler, site.PayloadType, key,
                $"the value is nested deeper than {MaxDepth} levels (does a dictionary or list contain itself?).");
        }

        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return;
            case string text:
                writer.WriteStringValue(text);
                return;
            case char letter:
                writer.WriteStringValue(letter.ToString());
                return;
            case bool flag:
                writer.WriteBooleanValue(flag);
                return;
            case int number:
                writer.WriteNumberValue(number);
                return;
            case long number:
                writer.WriteNumberValue(number);
                return;
            case double number when double.IsFinite(number):
                writer.WriteNumberValue(number);
                return;
            case float number when float.IsFinite(number):
                writer.WriteNumberValue(number);
                return;
            case decimal number:
                writer.WriteNumberValue(number);
                return;
            case short number:
                writer.WriteNumberValue(number);
                return;
            case byte number:
                writer.WriteNumberValue(number);
                return;
            case sbyte number:
                writer.WriteNumberValue(number);
                return;
            case ushort number:
                writer.WriteNumberValue(number);
                return;
            case uint number:
                writer.WriteNumberValue(number);
                return;
            case ulong number:
                writer.WriteNumberValue(number);
                return;
            case DateTime time:
                writer.WriteStringValue(time);
                return;
            case DateTimeOffset time:
                writer.WriteStringValue(time);
                return;
            case Guid id:
                writer.WriteStringValue(id);
                return;
            case JsonElement element:
                element.WriteTo(writer);
                return;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                writer.WriteStartObject();
                foreach (var (name, item) in pairs)
                {
                    writer.WritePropertyName(name);
                    WriteValue(writer, item, options, site, key ?? name, depth + 1);
                }

                writer.WriteEndObject();
                return;
            case IDictionary dictionary when IsStringKeyed(dictionary):
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    var name = (string)entry.Key;
                    writer.WritePropertyName(name);
                    WriteValue(writer, entry.Value, options, site, key ?? name, depth + 1);
                }

                writer.WriteEndObject();
                return;
            case IList list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item, options, site, key, depth + 1);
                }

                writer.WriteEndArray();
                return;
            default:
                WriteWithMetadata(writer, value, options, site, key);
                return;
        }
    }

    private static bool IsStringKeyed(IDictionary dictionary)
    {
        foreach (var candidate in dictionary.Keys)
        {
            if (candidate is not string)
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteWithMetadata(Utf8JsonWriter writer, object value, JsonSerializerOptions options, in ConversionSite site, string? key)
    {
        try
        {
            JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or JsonException)
        {
            throw new PayloadConversionException(
                site.Project, site.MessageHandler, site.PayloadType, key,
                $"a {value.GetType().FullName} cannot be written as JSON: {exception.Message}", exception);
        }
    }
}
