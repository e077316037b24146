using System.Text.Json;

namespace Switchboard.Network;

/// <summary>The <see cref="Utf8JsonReader"/> steps every part of the reader shares: members, slices, typed values, known strings.</summary>
internal static partial class EnvelopeReader
{
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
                ? Bounded(reader.GetString()!, field)
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

    // Every string of an envelope is a name (MessageNames) but the texts of a failed request's outcome, which Text reads.
    private static string? String(ref Utf8JsonReader reader, string field, ref string? error)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                try
                {
                    var text = reader.GetString()!;
                    if (text.Length > NameRule.MaxLength)
                    {
                        error ??= TooLong(field, text.Length);
                        return null;
                    }

                    return text;
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

    private static string? String(ref Utf8JsonReader reader, string field) => Text(ref reader, field) is { } text ? Bounded(text, field) : null;

    /// <summary>A string of any length up to the message's own bound: only an outcome's message, error type and detail.</summary>
    private static string? Text(ref Utf8JsonReader reader, string field) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw Malformed($"\"{field}\" is a {ValueKind(reader.TokenType)}, not a string"),
    };

    private static string Bounded(string name, string field) =>
        name.Length <= NameRule.MaxLength ? name : throw Malformed(TooLong(field, name.Length));

    private static string TooLong(string field, int length) => MessageNames.TooLong($"\"{field}\"", length);

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

    /// <summary>A value as it lies in the message; absent when <see cref="IsPresent"/> is false.</summary>
    private readonly record struct RawValue(ReadOnlyMemory<byte> Data, int Start, int Length)
    {
        public bool IsPresent => Length > 0;

        public ReadOnlyMemory<byte> Value => IsPresent ? Data.Slice(Start, Length) : default;

        public ReadOnlySpan<byte> Span => Data.Span.Slice(Start, Length);
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
