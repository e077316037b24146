namespace Switchboard;

/// <summary>
/// Sends to <c>remoteServers</c> and remote requests, through the gateway network the gateway has joined
/// (a network plugs in through <see cref="INetworkLink"/>). A remote client's local stand-in gateway forwards every send and request
/// here too. Without a network, every named server is reported <c>UNREACHABLE</c> (never a silent <c>SENT</c>), and a
/// remote request throws <see cref="GatewayUnreachableException"/>.
/// </summary>
internal static class RemoteDelivery
{
    private const string NoNetwork = "this gateway is not joined to a gateway network (see GatewayNetwork.JoinAsync).";

    /// <summary>Whether the send or request must go over the network rather than to this gateway's own endpoints.</summary>
    public static bool Applies(Gateway gateway, IReadOnlyList<string>? remoteServers) =>
        remoteServers is { Count: > 0 } || gateway.NetworkLink is { ForwardsAllSends: true };

    /// <inheritdoc cref="Applies(Gateway, IReadOnlyList{string}?)"/>
    public static bool Applies(Gateway gateway, string? remoteServer) =>
        remoteServer is not null || gateway.NetworkLink is { ForwardsAllSends: true };

    public static DeliveryReport Send(Gateway gateway, in MessageSend send) =>
        gateway.NetworkLink is { } link ? link.Send(send) : Unreachable(gateway, send);

    public static async ValueTask<DeliveryReport> SendAsync(Gateway gateway, MessageSend send, CancellationToken cancellationToken) =>
        gateway.NetworkLink is { } link
            ? await link.SendAsync(send, cancellationToken).ConfigureAwait(false)
            : Unreachable(gateway, send);

    public static Task<object?> RequestAsync(
        Gateway gateway, in MessageRequest request, TimeSpan timeout, Type? responseType, CancellationToken cancellationToken)
    {
        if (gateway.NetworkLink is { } link)
        {
            return link.RequestAsync(request, timeout, responseType, cancellationToken);
        }

        Log.Unreachable(gateway.Logger, request.RemoteServer!, request.Handler, NoNetwork);
        return Task.FromException<object?>(new GatewayUnreachableException(request.Project, request.Handler, request.RemoteServer!, NoNetwork));
    }

    /// <summary>A request-all to remote servers (or from a remote client's stand-in): through the network, or every server unreachable.</summary>
    public static void RequestAll(Gateway gateway, IRequestAllTargets targets, in MessageSend send, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (gateway.NetworkLink is { } link)
        {
            link.RequestAll(targets, send, wait, cancellationToken);
            return;
        }

        foreach (var server in send.RemoteServers ?? [])
        {
            Log.Unreachable(gateway.Logger, server, send.Handler, NoNetwork);
            targets.Settle(targets.Expect(send.RemoteResult(server, DeliveryStatus.Sent)), DeliveryStatus.Unreachable);
        }
    }

    private static DeliveryReport Unreachable(Gateway gateway, in MessageSend send)
    {
        var results = new DeliveryResultsBuilder();
        foreach (var server in send.RemoteServers ?? [])
        {
            Log.Unreachable(gateway.Logger, server, send.Handler, NoNetwork);
            results.Add(send.RemoteResult(server, DeliveryStatus.Unreachable));
        }

        return results.Build();
    }
}
