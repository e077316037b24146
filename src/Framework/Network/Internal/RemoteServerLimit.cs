namespace Switchboard.Network;

/// <summary>
/// The bound on <c>remoteServers</c> per send (<see cref="GatewayNetworkOptions.MaxRemoteServers"/>), in one place for
/// the local caller (an exception) and for a message from the network (dropped and counted).
/// </summary>
internal static class RemoteServerLimit
{
    public static bool Exceeded(GatewayNetwork network, IReadOnlyList<string>? servers) =>
        servers is not null && servers.Count > network.Options.MaxRemoteServers;

    public static string Describe(GatewayNetwork network, int count) =>
        $"the send names {count} remoteServers, more than GatewayNetworkOptions.MaxRemoteServers ({network.Options.MaxRemoteServers}) allows on network \"{network.NetworkName}\"";

    /// <summary>Refuses a local send naming too many servers, before anything is published.</summary>
    /// <exception cref="ArgumentException">The send names more than <see cref="GatewayNetworkOptions.MaxRemoteServers"/> servers.</exception>
    public static void ThrowIfExceeded(GatewayNetwork network, IReadOnlyList<string>? servers)
    {
        if (Exceeded(network, servers))
        {
            throw new ArgumentException(
                $"Cannot send: {Describe(network, servers!.Count)}. Send to fewer servers per call, or raise GatewayNetworkOptions.MaxRemoteServers.",
                "remoteServers");
        }
    }

    /// <summary>Drops a message from the network that names too many servers, so that one message cannot make a gateway publish thousands.</summary>
    /// <exception cref="EnvelopeException">The message names more than <see cref="GatewayNetworkOptions.MaxRemoteServers"/> servers.</exception>
    public static void DropIfExceeded(GatewayNetwork network, ClientMessage envelope)
    {
        if (envelope.RemoteServers is { } servers && Exceeded(network, servers))
        {
            throw new EnvelopeException(DropReason.TooManyRemoteServers, $"{Describe(network, servers.Count)}; a remote client's gateway does not fan it out");
        }
    }
}
