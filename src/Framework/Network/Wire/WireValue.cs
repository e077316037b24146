using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Switchboard.Network;

/// <summary>
/// Payloads and responses on the wire. Ignition-shaped values (dictionaries, lists, strings, numbers, times) carry a type
/// tag, <c>{"t":"int32","v":5}</c>, so that a dictionary payload arrives with the very CLR types it was sent with
/// (an <c>int</c> stays an <c>int</c>). Any other value is tagged <c>json</c> and written with its System.Text.Json
/// metadata; the receiver reads it as the type its handler takes (<see cref="HandlerDescriptor.PayloadType"/>), or as
/// the response type the requester asked for, so no type name ever travels and nothing is instantiated by name.
/// </summary>
internal static class WireValue
{
    /// <summary>How deep dictionaries and lists may nest; a value that contains itself stops here.</summary>
    public const int MaxDepth = 32;

    /// <summary>Encodes a payload or response as UTF-8 JSON, for an envelope's payload; <see langword="null"/> stays absent.</summary>
    /// <exception cref="PayloadConversionException">The value cannot be written as JSON.</exception>
    public static byte[]? EncodeUtf8(object? value, in ConversionSite site)
    {
        if (value is null)
        {
            return null;
        }

        var scratch = ThreadJsonScratch.Take();
        try
        {
            Write(scratch.Writer, value, site, topLevel: true, depth: 0);
            scratch.Writer.Flush();
            return scratch.Buffer.WrittenSpan.ToArray();
        }
        finally
        {
            scratch.Return();
        }
    }

    /// <summary>
    /// Decodes a tagged value as it arrived (UTF-8 JSON); empty is absent. A typed payload (<c>{"t":"json","v":…}</c>
    /// for a handler that takes a type) is read straight from the bytes into that type, in one pass; other values are
    /// read as a document first.
    /// </summary>
    /// <exception cref="PayloadConversionException">The value is not a well-formed tagged value, or does not fit <paramref name="target"/>.</exception>
    public static object? Decode(ReadOnlyMemory<byte> utf8, Type? target, in ConversionSite site)
    {
        if (utf8.IsEmpty)
        {
            return null;
        }

        if (target is not null && target != typeof(object) && target != typeof(JsonElement) && TryReadTyped(utf8.Span, target, site, out var typed))
        {
            return typed;
        }

        if (TryReadTagged(utf8.Span, out var tagged))
        {
            return tagged;
        }

        return DecodeFromDocument(utf8, target, site);
    }

    /// <summary>The general path of <see cref="Decode(ReadOnlyMemory{byte}, Type?, in ConversionSite)"/>: the value read as a document first.</summary>
    internal static object? DecodeFromDocument(ReadOnlyMemory<byte> utf8, Type? target, in ConversionSite site)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException exception)
        {
            throw Bad(site, $"it is not JSON ({exception.Message})", exception);
        }

        using (document)
        {
            // Whatever is kept (a JsonElement for an untyped handler) is cloned out of the document by ReadJson.
            return Read(document.RootElement, target, site, depth: 0);
        }
    }

    /// <summary>Decodes a tagged value; a <c>json</c> value becomes a <paramref name="target"/> when one is given.</summary>
    /// <exception cref="PayloadConversionException">The value is not a well-formed tagged value, or does not fit <paramref name="target"/>.</exception>
    public static object? Decode(JsonElement element, Type? target, in ConversionSite site) => Read(element, target, site, depth: 0);

    // The common case in one pass: exactly {"t":"json","v":<value>}, as every writer of version 1 writes a typed
    // payload, deserialized from the reader into the handler's type. Anything else (another tag, other members, another
    // order) returns false and is read as a document, so that both paths accept and refuse the same values.
    private static bool TryReadTyped(ReadOnlySpan<byte> utf8, Type target, in ConversionSite site, out object? value)
    {
        value = null;
        var reader = new Utf8JsonReader(utf8);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
                || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("t"u8)
                || !reader.Read() || reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("json"u8)
                || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("v"u8)
                || !reader.Read())
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        object? result;
        try
        {
            result = JsonSerializer.Deserialize(ref reader, PayloadJson.Options.GetTypeInfo(target));
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new PayloadConversionException(
                site.Project, site.MessageHandler, target, key: null,
                $"the JSON that arrived over the gateway network does not read as {target.FullName}: {exception.Message}", exception);
        }

        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        value = result;
        return true;
    }

    private static void Write(Utf8JsonWriter writer, object? value, in ConversionSite site, bool topLevel, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new PayloadConversionException(
                site.Project, site.MessageHandler, site.PayloadType, key: null,
                $"the value is nested deeper than {MaxDepth} levels (does a dictionary or list contain itself?).");
        }

        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return;
            case string text:
                Tag(writer, "string").WriteStringValue(text);
                break;
            case char letter:
                Tag(writer, "char").WriteStringValue(letter.ToString());
                break;
            case bool flag:
                Tag(writer, "bool").WriteBooleanValue(flag);
                break;
            case int number:
                Tag(writer, "int32").WriteNumberValue(number);
                break;
            case long number:
                Tag(writer, "int64").WriteNumberValue(number);
                break;
            case short number:
                Tag(writer, "int16").WriteNumberValue(number);
                break;
            case byte number:
                Tag(writer, "uint8").WriteNumberValue(number);
                break;
            case sbyte number:
                Tag(writer, "int8").WriteNumberValue(number);
                break;
            case ushort number:
                Tag(writer, "uint16").WriteNumberValue(number);
                break;
            case uint number:
                Tag(writer, "uint32").WriteNumberValue(number);
                break;
            case ulong number:
                Tag(writer, "uint64").WriteNumberValue(number);
                break;
            case double number:
                WriteFloating(Tag(writer, "float64"), number, double.IsFinite(number));
                break;
            case float number:
                WriteFloating(Tag(writer, "float32"), number, float.IsFinite(number));
                break;
            case decimal number:
                Tag(writer, "decimal").WriteNumberValue(number);
                break;
            case DateTime time:
                Tag(writer, "datetime").WriteStringValue(time.ToString("O", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset time:
                Tag(writer, "datetimeoffset").WriteStringValue(time.ToString("O", CultureInfo.InvariantCulture));
                break;
            case TimeSpan span:
                Tag(writer, "timespan").WriteStringValue(span.ToString("c", CultureInfo.InvariantCulture));
                break;
            case Guid id:
                Tag(writer, "guid").WriteStringValue(id);
                break;
            case byte[] bytes:
                Tag(writer, "bytes").WriteBase64StringValue(bytes);
                break;
            case JsonElement element:
                element.WriteTo(Tag(writer, "json"));
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                Tag(writer, "map").WriteStartObject();
                foreach (var (name, item) in pairs)
                {
                    writer.WritePropertyName(name);
                    Write(writer, item, site, topLevel: false, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IDictionary dictionary when HasStringKeys(dictionary):
                Tag(writer, "map").WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName((string)entry.Key);
                    Write(writer, entry.Value, site, topLevel: false, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IList list when !topLevel:
                Tag(writer, "list").WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item, site, topLevel: false, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                WriteWithMetadata(Tag(writer, "json"), value, site);
                break;
        }

        writer.WriteEndObject();
    }

    private static Utf8JsonWriter Tag(Utf8JsonWriter writer, string tag)
    {
        writer.WriteStartObject();
        writer.WriteString("t", tag);
        writer.WritePropertyName("v");
        return writer;
    }

    // JSON has no NaN or infinities; those travel as their round-trip text.
    private static void WriteFloating(Utf8JsonWriter writer, double number, bool finite)
    {
        if (finite)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(number.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private static bool HasStringKeys(IDictionary dictionary)
    {
        foreach (var key in dictionary.Keys)
        {
            if (key is not string)
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteWithMetadata(Utf8JsonWriter writer, object value, in ConversionSite site)
    {
        try
        {
            JsonSerializer.Serialize(writer, value, PayloadJson.Options.GetTypeInfo(value.GetType()));
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or JsonException)
        {
            throw new PayloadConversionException(
                site.Project, site.MessageHandler, site.PayloadType, key: null,
                $"a {value.GetType().FullName} cannot be written as JSON for the gateway network: {exception.Message} " +
                "(in a native AOT application, set PayloadJson.TypeInfoResolver to a JsonSerializerContext that lists it).",
                exception);
        }
    }

    // The common untyped case in one pass, without a document: a dictionary payload as SendMessage sends it, of maps,
    // lists, strings, booleans, 32- and 64-bit integers and JSON-number doubles, each exactly {"t":tag,"v":value} in
    // that order, as every writer of version 1 writes them. Anything else (another tag, other members or order, a value
    // that does not parse, nesting past MaxDepth, malformed JSON) returns false and is read as a document by Read, which
    // decides what it is or why it is refused, so both paths accept the same values and give the same results.
    private static bool TryReadTagged(ReadOnlySpan<byte> utf8, out object? value)
    {
        var reader = new Utf8JsonReader(utf8);
        try
        {
            if (reader.Read() && TryReadTagged(ref reader, depth: 0, out value) && !reader.Read())
            {
                return true;
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
        }

        value = null;
        return false;
    }

    // The reader stands on the value's first token; on success it stands on the value's last one.
    private static bool TryReadTagged(ref Utf8JsonReader reader, int depth, out object? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (depth > MaxDepth || reader.TokenType != JsonTokenType.StartObject
            || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("t"u8)
            || !reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        var tag = reader.ValueSpan;
        if (reader.ValueIsEscaped || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("v"u8) || !reader.Read())
        {
            return false;
        }

        var read = reader.TokenType switch
        {
            JsonTokenType.String when tag.SequenceEqual("string"u8) => Set(reader.GetString(), out value),
            JsonTokenType.Number when tag.SequenceEqual("int32"u8) => reader.TryGetInt32(out var int32) && Set(int32, out value),
            JsonTokenType.Number when tag.SequenceEqual("int64"u8) => reader.TryGetInt64(out var int64) && Set(int64, out value),
            JsonTokenType.Number when tag.SequenceEqual("float64"u8) => reader.TryGetDouble(out var float64) && Set(float64, out value),
            JsonTokenType.True or JsonTokenType.False when tag.SequenceEqual("bool"u8) => Set(reader.GetBoolean(), out value),
            JsonTokenType.StartObject when tag.SequenceEqual("map"u8) => TryReadMap(ref reader, depth, out value),
            JsonTokenType.StartArray when tag.SequenceEqual("list"u8) => TryReadList(ref reader, depth, out value),
            _ => false,
        };
        return read && reader.Read() && reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool Set(object? read, out object? value)
    {
        value = read;
        return true;
    }

    private static bool TryReadMap(ref Utf8JsonReader reader, int depth, out object? value)
    {
        value = null;
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!reader.Read() || !TryReadTagged(ref reader, depth + 1, out var item))
            {
                return false;
            }

            map[name] = item;
        }

        value = map;
        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool TryReadList(ref Utf8JsonReader reader, int depth, out object? value)
    {
        value = null;
        var list = new List<object?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!TryReadTagged(ref reader, depth + 1, out var item))
            {
                return false;
            }

            list.Add(item);
        }

        value = list;
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static object? Read(JsonElement element, Type? target, in ConversionSite site, int depth)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (depth > MaxDepth)
        {
            throw Bad(site, $"it is nested deeper than {MaxDepth} levels");
        }

        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("t", out var tagElement) || tagElement.ValueKind != JsonValueKind.String
            || !element.TryGetProperty("v", out var value))
        {
            throw Bad(site, "it is not a tagged value {\"t\": type, \"v\": value}");
        }

        var tag = tagElement.GetString();
        try
        {
            return tag switch
            {
                "string" => Text(value),
                "char" => Text(value) is [var letter] ? letter : throw Bad(site, "a char is not one letter"),
                "bool" => value.GetBoolean(),
                "int32" => value.GetInt32(),
                "int64" => value.GetInt64(),
                "int16" => value.GetInt16(),
                "uint8" => value.GetByte(),
                "int8" => value.GetSByte(),
                "uint16" => value.GetUInt16(),
                "uint32" => value.GetUInt32(),
                "uint64" => value.GetUInt64(),
                "float64" => value.ValueKind == JsonValueKind.String ? double.Parse(Text(value), CultureInfo.InvariantCulture) : value.GetDouble(),
                "float32" => value.ValueKind == JsonValueKind.String ? float.Parse(Text(value), CultureInfo.InvariantCulture) : value.GetSingle(),
                "decimal" => value.GetDecimal(),
                "datetime" => DateTime.ParseExact(Text(value), "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                "datetimeoffset" => DateTimeOffset.ParseExact(Text(value), "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                "timespan" => TimeSpan.ParseExact(Text(value), "c", CultureInfo.InvariantCulture),
                "guid" => value.GetGuid(),
                "bytes" => value.GetBytesFromBase64(),
                "map" => ReadMap(value, site, depth),
                "list" => ReadList(value, site, depth),
                "json" => ReadJson(value, target, site),
                _ => throw Bad(site, $"the type tag \"{tag}\" is unknown"),
            };
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or OverflowException)
        {
            throw Bad(site, $"its \"{tag}\" value does not parse ({exception.Message})", exception);
        }
    }

    private static string Text(JsonElement value) => value.GetString() ?? throw new FormatException("the value is not a string");

    private static Dictionary<string, object?> ReadMap(JsonElement value, in ConversionSite site, int depth)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Bad(site, "a map is not a JSON object");
        }

        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            map[property.Name] = Read(property.Value, target: null, site, depth + 1);
        }

        return map;
    }

    private static List<object?> ReadList(JsonElement value, in ConversionSite site, int depth)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Bad(site, "a list is not a JSON array");
        }

        var list = new List<object?>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            list.Add(Read(item, target: null, site, depth + 1));
        }

        return list;
    }

    private static object? ReadJson(JsonElement value, Type? target, in ConversionSite site)
    {
        if (target is null || target == typeof(object) || target == typeof(JsonElement))
        {
            return value.Clone();
        }

        try
        {
            return value.Deserialize(PayloadJson.Options.GetTypeInfo(target));
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new PayloadConversionException(
                site.Project, site.MessageHandler, target, key: null,
                $"the JSON that arrived over the gateway network does not read as {target.FullName}: {exception.Message}", exception);
        }
    }

    private static PayloadConversionException Bad(in ConversionSite site, string detail, Exception? inner = null) =>
        new(site.Project, site.MessageHandler, site.PayloadType, key: null, $"the value that arrived over the gateway network is malformed: {detail}.", inner);
}
