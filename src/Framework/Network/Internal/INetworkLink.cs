namespace Switchboard.Network;

/// <summary>
/// What routing calls when a gateway is on a network: a joined gateway sends to <c>remoteServers</c> through it, and
/// the local stand-in of a remote client forwards every send and request to the real gateway through it.
/// </summary>
internal interface INetworkLink
{
    /// <summary>Whether every send and request goes over the network, not only those naming remote servers.</summary>
    bool ForwardsAllSends { get; }

    DeliveryReport Send(SenderInfo sender, string project, string messageHandler, object? payload, FilterParams filters, IReadOnlyList<string>? remoteServers);

    Task<DeliveryReport> SendAsync(
        SenderInfo sender, string project, string messageHandler, object? payload, FilterParams filters, IReadOnlyList<string>? remoteServers, CancellationToken cancellationToken);

    Task<object?> RequestAsync(
        SenderInfo sender, string project, string messageHandler, object? payload, string? remoteServer, TimeSpan timeout, Type? responseType, CancellationToken cancellationToken);

    /// <summary>Called when the gateway closes: stop being reachable.</summary>
    ValueTask LeaveAsync();
}
