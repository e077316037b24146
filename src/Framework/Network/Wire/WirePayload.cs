using System.Text.Json;

namespace Switchboard.Network;

/// <summary>
/// A payload that arrived over the network, still as JSON. Routing hands it to each selected handler's payload
/// preparation, which asks for it in the type that handler takes; each type is decoded once per message.
/// </summary>
internal sealed class WirePayload(JsonElement? json, string project, string messageHandler) : IDeferredPayload
{
    private readonly object gate = new();

    // Most messages reach handlers of one payload type: the first decoding needs no list.
    private (Type? Type, object? Value)? first;
    private List<(Type? Type, object? Value)>? others;

    /// <summary>The payload as it arrived.</summary>
    public JsonElement? Json => json;

    /// <summary>The payload as <paramref name="handler"/> takes it, or as sent when it takes a type the JSON does not name.</summary>
    /// <exception cref="PayloadConversionException">The JSON is malformed or does not fit the handler's payload type.</exception>
    public object? DecodeFor(HandlerDescriptor handler)
    {
        if (json is not { } element)
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

            var result = WireValue.Decode(element, type, new ConversionSite(project, messageHandler, type ?? typeof(object)));
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

    /// <summary>The payload without a handler to shape it: tagged values as sent, other JSON as a <see cref="JsonElement"/>.</summary>
    public object? DecodeAsSent() =>
        json is { } element ? WireValue.Decode(element, target: null, new ConversionSite(project, messageHandler, typeof(object))) : null;
}
