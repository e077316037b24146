namespace Switchboard;

/// <summary>
/// The port routing sends through when a gateway is on a network: the core defines it and a network plugs into it.
/// A joined gateway sends to <c>remoteServers</c> through it, and the local stand-in of a remote client forwards
/// every send and request to the real gateway through it. A network delivers what arrives for this gateway through
/// <see cref="Gateway.Deliveries"/> (<see cref="ILocalDelivery"/>).
/// </summary>
internal interface INetworkLink
{
    /// <summary>Whether every send and request goes over the network, not only those naming remote servers.</summary>
    bool ForwardsAllSends { get; }

    DeliveryReport Send(in MessageSend send);

    Task<DeliveryReport> SendAsync(MessageSend send, CancellationToken cancellationToken);

    Task<object?> RequestAsync(MessageRequest request, TimeSpan timeout, Type? responseType, CancellationToken cancellationToken);

    /// <summary>
    /// A request-all over the network: a slot in <paramref name="targets"/> per gateway asked (each of
    /// <c>send.RemoteServers</c>, or the real gateway of a remote client), filled with its own targets' answers or with
    /// why it could not be asked. Returns once every slot is expected; the slots fill later.
    /// </summary>
    void RequestAll(IRequestAllTargets targets, MessageSend send, TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>Called when the gateway closes: stop being reachable.</summary>
    ValueTask LeaveAsync();
}
