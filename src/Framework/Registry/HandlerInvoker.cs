namespace Switchboard;

/// <summary>Calls one handler directly, without reflection.</summary>
/// <param name="payload">The payload, already in the shape the handler takes (see <see cref="HandlerDescriptor.PayloadType"/>).</param>
/// <param name="context">The delivery: the receiving endpoint, the sender and the message.</param>
/// <param name="cancellationToken">Signalled when a request times out or is cancelled, or the endpoint shuts down.</param>
/// <returns>The handler's response, or <see langword="null"/> for handlers that return nothing.</returns>
public delegate ValueTask<object?> HandlerInvoker(object? payload, MessageContext context, CancellationToken cancellationToken);

/// <summary>Converts a payload that is not already of the handler's payload type (for example a dictionary sent to a typed handler).</summary>
/// <param name="payload">The payload as sent.</param>
/// <returns>The payload as the handler takes it.</returns>
/// <exception cref="PayloadConversionException">The payload cannot be converted.</exception>
public delegate object? PayloadAdapter(object? payload);
