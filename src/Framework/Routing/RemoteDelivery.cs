using Switchboard.Network;

namespace Switchboard;

/// <summary>
/// Sends to <c>remoteServers</c> and remote requests, through the gateway network the gateway has joined
/// (<see cref="GatewayNetwork.JoinAsync"/>). A remote client's local stand-in gateway forwards every send and request
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

    public static DeliveryReport Send(
        Gateway gateway, SenderInfo sender, string project, string messageHandler, object? payload, FilterParams filters, IReadOnlyList<string>? servers) =>
        gateway.NetworkLink is { } link
            ? link.Send(sender, project, messageHandler, payload, filters, servers)
            : Unreachable(gateway, project, messageHandler, filters, servers ?? []);

    public static async ValueTask<DeliveryReport> SendAsync(
        Gateway gateway,
        SenderInfo sender,
        string project,
        string messageHandler,
        object? payload,
        FilterParams filters,
        IReadOnlyList<string>? servers,
        CancellationToken cancellationToken) =>
        gateway.NetworkLink is { } link
            ? await link.SendAsync(sender, project, messageHandler, payload, filters, servers, cancellationToken).ConfigureAwait(false)
            : Unreachable(gateway, project, messageHandler, filters, servers ?? []);

    public static Task<object?> RequestAsync(
        Gateway gateway,
        SenderInfo sender,
        string project,
        string messageHandler,
        object? payload,
        string? server,
        TimeSpan timeout,
        Type? responseType,
        CancellationToken cancellationToken)
    {
        if (gateway.NetworkLink is { } link)
        {
            return link.RequestAsync(sender, project, messageHandler, payload, server, timeout, responseType, cancellationToken);
        }

        Log.Unreachable(gateway.Logger, server!, messageHandler, NoNetwork);
        return Task.FromException<object?>(new GatewayUnreachableException(project, messageHandler, server!, NoNetwork));
    }

    private static DeliveryReport Unreachable(Gateway gateway, string project, string messageHandler, in FilterParams filters, IReadOnlyList<string> servers)
    {
        var results = new DeliveryResultsBuilder();
        foreach (var server in servers)
        {
            Log.Unreachable(gateway.Logger, server, messageHandler, NoNetwork);
            results.Add(new DeliveryResult
            {
                Type = DeliveryTargetType.RemoteGateway,
                ServerName = server,
                Project = project,
                MessageHandler = messageHandler,
                FilterParams = filters,
                Status = DeliveryStatus.Unreachable,
            });
        }

        return results.Build();
    }
}
