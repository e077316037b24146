namespace Switchboard;

/// <summary>Puts a payload into the shape a handler takes, before anything is queued, so a bad payload fails the sender, not the handler.</summary>
internal static class PayloadPreparation
{
    public static object? Prepare(HandlerDescriptor handler, object? payload)
    {
        if (handler.PayloadType is not { } payloadType)
        {
            return null;
        }

        // A payload from the gateway network is still JSON: read it as this handler's type.
        if (payload is IDeferredPayload deferred)
        {
            payload = deferred.DecodeFor(handler);
        }

        // Ignition's absent payload is an empty dictionary.
        payload ??= EmptyPayload.Instance;
        if (payloadType.IsInstanceOfType(payload))
        {
            return payload;
        }

        if (handler.PayloadAdapter is not { } adapt)
        {
            throw new PayloadConversionException(
                handler.Project, handler.Name, payloadType, key: null,
                $"a {payload.GetType().FullName} was sent, and the handler has no payload adapter to convert it.");
        }

        try
        {
            return adapt(payload);
        }
        catch (PayloadConversionException)
        {
            throw;
        }
        catch (Exception exception)
        {
            throw new PayloadConversionException(handler.Project, handler.Name, payloadType, key: null, exception.Message, exception);
        }
    }
}
