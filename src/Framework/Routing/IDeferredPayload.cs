namespace Switchboard;

/// <summary>
/// A payload that is not decoded yet (for example JSON from the gateway network): routing asks it for the shape of the
/// handler it selected, so it is decoded once per handler type, and never when nothing is selected.
/// </summary>
internal interface IDeferredPayload
{
    /// <summary>The payload as <paramref name="handler"/> takes it.</summary>
    /// <exception cref="PayloadConversionException">The payload does not convert to the handler's type.</exception>
    object? DecodeFor(HandlerDescriptor handler);
}
