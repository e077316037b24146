namespace Switchboard.Network;

/// <summary>
/// A payload that arrived over the network, still as the UTF-8 JSON it arrived as (a slice of the message). Routing
/// hands it to each selected handler's payload preparation, which asks for it in the type that handler takes; each
/// type is decoded once per message, straight from the bytes.
/// </summary>
internal sealed class WirePayload(ReadOnlyMemory<byte> utf8, string project, string messageHandler) : IDeferredPayload
{
    private readonly object gate = new();

    // Most messages reach handlers of one payload type: the first decoding needs no list.
    private (Type? Type, object? Value)? first;
    private List<(Type? Type, object? Value)>? others;

    /// <summary>The payload as it arrived; empty when there was none.</summary>
    public ReadOnlyMemory<byte> Utf8 => utf8;

    /// <summary>The payload as <paramref name="handler"/> takes it, or as sent when it takes a type the JSON does not name.</summary>
    /// <exception cref="PayloadConversionException">The JSON is malformed or does not fit the handler's payload type.</exception>
    public object? DecodeFor(HandlerDescriptor handler)
    {
        if (utf8.IsEmpty)
        {
            return null;
        }

        var type = handler.PayloadType;
        lock (gate)
        {
            if (first is { } known && known.Type == type)
            {
                return known.Value;
            }

            if (others is not null)
            {
                foreach (var (otherType, value) in others)
                {
                    if (otherType == type)
                    {
                        return value;
                    }
                }
            }

            var result = WireValue.Decode(utf8, type, new ConversionSite(project, messageHandler, type ?? typeof(object)));
            if (first is null)
            {
                first = (type, result);
            }
            else
            {
                (others ??= []).Add((type, result));
            }

            return result;
        }
    }

    /// <summary>The payload without a handler to shape it: tagged values as sent, other JSON as a <see cref="System.Text.Json.JsonElement"/>.</summary>
    public object? DecodeAsSent() =>
        WireValue.Decode(utf8, target: null, new ConversionSite(project, messageHandler, typeof(object)));
}
