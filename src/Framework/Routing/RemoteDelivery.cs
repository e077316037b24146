namespace Switchboard;

/// <summary>
/// Sends to <c>remoteServers</c>. Without a gateway network every named server is reported <c>UNREACHABLE</c>
/// (never a silent <c>SENT</c>), and a remote request throws <see cref="GatewayUnreachableException"/>.
/// </summary>
internal static class RemoteDelivery
{
    private const string NoNetwork = "this gateway is not joined to a gateway network.";

    public static DeliveryReport Send(Gateway gateway, string project, string messageHandler, FilterParams filters, IReadOnlyList<string> servers)
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

    public static GatewayUnreachableException RequestUnreachable(Gateway gateway, string project, string messageHandler, string server)
    {
        Log.Unreachable(gateway.Logger, server, messageHandler, NoNetwork);
        return new GatewayUnreachableException(project, messageHandler, server, NoNetwork);
    }
}
