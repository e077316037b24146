namespace Switchboard;

/// <summary>
/// How a send reaches a handler: Ignition's fire-and-forget (the default), or durable, at least once, through the
/// gateway's <see cref="IDurableQueue"/>. Chosen per handler with <see cref="MessageHandlerAttribute.Delivery"/>, or
/// per send with <see cref="Endpoint.SendDurableAsync"/>.
/// </summary>
public enum DeliveryMode
{
    /// <summary>
    /// Ignition's <c>sendMessage</c>: the message is queued in memory for each selected target and the result is
    /// <c>SENT</c>; a target that is down or restarting loses it (the result says <c>UNREACHABLE</c> where it can tell).
    /// </summary>
    FireAndForget,

    /// <summary>
    /// At least once: a send that reaches the gateway handler stores the message in the sending gateway's
    /// <see cref="IDurableQueue"/> for each target gateway, and the result is <c>QUEUED</c>
    /// (<see cref="DeliveryStatus.Queued"/>). The target gateway runs it when it reads it, acknowledges it only after the
    /// handler ran, and runs each message id once. Only a handler declared in <see cref="Scope.Gateway"/> alone can be
    /// durable (analyzer SWB0021; <see cref="Gateway.AddProject"/> refuses other registries).
    /// </summary>
    Durable,
}
