using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Switchboard;

/// <summary>The conversions behind <see cref="PayloadJson"/>'s adapters; every failure is a <see cref="PayloadConversionException"/> naming the key.</summary>
internal static class PayloadConverter
{
    private static readonly Type DictionaryType = typeof(IReadOnlyDictionary<string, object?>);

    // Up to this many keys a required key is looked for by a scan (see HasKey).
    private const int ScannedKeys = 16;

    public static object? ToPayload<TPayload>(object? payload, string project, string messageHandler)
    {
        var target = typeof(TPayload);
        if (payload is TPayload already)
        {
            return already;
        }

        var options = PayloadJson.Options;
        var typeInfo = (JsonTypeInfo<TPayload>)TypeInfoFor(target, options, project, messageHandler, target);
        if (payload is IReadOnlyDictionary<string, object?> dictionary)
        {
            RequireKeys(dictionary, typeInfo, project, messageHandler);
        }

        // The JSON between the dictionary and the handler's type, in the thread's reused buffer.
        var scratch = ThreadJsonScratch.Take();
        try
        {
            JsonPayloadWriter.Write(scratch.Writer, payload, options, new ConversionSite(project, messageHandler, target));
            scratch.Writer.Flush();
            return Deserialize(scratch.Buffer.WrittenSpan, typeInfo, project, messageHandler);
        }
        finally
        {
            scratch.Return();
        }
    }

    private static TPayload Deserialize<TPayload>(ReadOnlySpan<byte> json, JsonTypeInfo<TPayload> typeInfo, string project, string messageHandler)
    {
        try
        {
            var converted = JsonSerializer.Deserialize(json, typeInfo);
            return converted ?? throw new PayloadConversionException(
                project, messageHandler, typeof(TPayload), key: null, "the payload is JSON null, and the handler needs a value.");
        }
        catch (JsonException exception)
        {
            throw Failure(project, messageHandler, typeof(TPayload), exception);
        }
        catch (NotSupportedException exception)
        {
            throw new PayloadConversionException(project, messageHandler, typeof(TPayload), key: null, exception.Message, exception);
        }
    }

    public static object? ToDictionary(object? payload, string project, string messageHandler)
    {
        switch (payload)
        {
            case null:
                return EmptyPayload.Instance;
            case IReadOnlyDictionary<string, object?> dictionary:
                return dictionary;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                return new Dictionary<string, object?>(pairs, StringComparer.OrdinalIgnoreCase);
        }

        var typeInfo = TypeInfoFor(payload.GetType(), PayloadJson.Options, project, messageHandler, DictionaryType);
        if (typeInfo.Kind == JsonTypeInfoKind.Dictionary && payload is System.Collections.IDictionary untyped)
        {
            var copy = new Dictionary<string, object?>(untyped.Count, StringComparer.OrdinalIgnoreCase);
            foreach (System.Collections.DictionaryEntry entry in untyped)
            {
                copy[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? ""] = entry.Value;
            }

            return copy;
        }

        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            throw new PayloadConversionException(
                project, messageHandler, DictionaryType, key: null,
                $"a {payload.GetType().FullName} is not an object with properties, so it cannot become a dictionary.");
        }

        // Each JSON property's value as the CLR value its getter returns, so numbers keep their type (2.0 stays a double).
        var values = new Dictionary<string, object?>(typeInfo.Properties.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var property in typeInfo.Properties)
        {
            if (property.Get is { } get)
            {
                values[property.Name] = get(payload);
            }
        }

        return values;
    }

    private static JsonTypeInfo TypeInfoFor(Type type, JsonSerializerOptions options, string project, string messageHandler, Type target)
    {
        try
        {
            return options.GetTypeInfo(type);
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException)
        {
            throw new PayloadConversionException(
                project, messageHandler, target, key: null,
                $"there is no JSON metadata for {type.FullName}. Reflection-based JSON is off in this application (native AOT or " +
                "trimming) and the generator could not describe the type (see warning SWB0030 in the build): set " +
                $"PayloadJson.TypeInfoResolver to a JsonSerializerContext with [JsonSerializable(typeof({type.Name}))].",
                exception);
        }
    }

    /// <summary>Fails before deserializing when a required property has no key, so the message names the key.</summary>
    private static void RequireKeys(IReadOnlyDictionary<string, object?> dictionary, JsonTypeInfo typeInfo, string project, string messageHandler)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        HashSet<string>? keys = null;
        foreach (var property in typeInfo.Properties)
        {
            if (IsRequired(property) && !HasKey(dictionary, property.Name, ref keys))
            {
                throw new PayloadConversionException(
                    project, messageHandler, typeInfo.Type, property.Name,
                    $"the key is missing, and {typeInfo.Type.Name} requires it.");
            }
        }
    }

    // Case-insensitively, whatever the dictionary's own comparer: a small dictionary (the usual payload) by a scan,
    // with no set of its keys per conversion; a large one (a peer may send thousands of keys) through one set, made once.
    private static bool HasKey(IReadOnlyDictionary<string, object?> dictionary, string name, ref HashSet<string>? keys)
    {
        if (dictionary.ContainsKey(name))
        {
            return true;
        }

        if (dictionary.Count > ScannedKeys)
        {
            keys ??= new HashSet<string>(dictionary.Keys, StringComparer.OrdinalIgnoreCase);
            return keys.Contains(name);
        }

        foreach (var key in dictionary.Keys)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRequired(JsonPropertyInfo property) =>
#if NET9_0_OR_GREATER
        property.IsRequired || property.AssociatedParameter is { HasDefaultValue: false };
#else
        property.IsRequired;
#endif

    private static PayloadConversionException Failure(string project, string messageHandler, Type target, JsonException exception)
    {
        var path = exception.Path;
        var detail = exception.Message;
        var suffix = detail.IndexOf(" Path: ", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            detail = detail[..suffix];
        }

        if (path is not null && path != "$")
        {
            detail = $"{detail} (at {path})";
        }

        return new PayloadConversionException(project, messageHandler, target, TopLevelKey(path), detail, exception);
    }

    /// <summary>The dictionary key a JSON path starts at: <c>$.value</c> and <c>$.value[2].x</c> give <c>value</c>, <c>$['odd key']</c> gives <c>odd key</c>.</summary>
    internal static string? TopLevelKey(string? path)
    {
        if (path is null || path.Length < 2 || path[0] != '$')
        {
            return null;
        }

        if (path.StartsWith("$['", StringComparison.Ordinal))
        {
            var end = path.IndexOf("']", 3, StringComparison.Ordinal);
            return end < 0 ? null : path[3..end];
        }

        if (path[1] != '.')
        {
            return null;
        }

        var stop = path.IndexOfAny(['.', '['], 2);
        return stop < 0 ? path[2..] : path[2..stop];
    }
}

/// <summary>Which handler a conversion is for, so a failure deep in a value can still name it.</summary>
internal readonly record struct ConversionSite(string Project, string MessageHandler, Type PayloadType);
