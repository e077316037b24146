namespace Switchboard.Network;

/// <summary>The channel names of one network; the network name prefixes them all, so networks sharing a Redis never meet.</summary>
internal sealed class NetworkChannels(string networkName)
{
    /// <summary>
    /// The longest network name: a node's channel (the name, <c>:node:</c> and a 32-digit node id) travels as
    /// <c>replyTo</c> in requests and awaited sends, and must be a name the reader accepts (<see cref="MessageNames"/>).
    /// </summary>
    public const int MaxNetworkNameLength = NameRule.MaxLength - 38;

    /// <summary>Where gateways announce themselves; every node listens.</summary>
    public string Presence { get; } = $"{networkName}:presence";

    /// <summary>A gateway's inbox: sends, requests and its remote clients' traffic.</summary>
    public string Gateway(string gatewayName) => $"{networkName}:gateway:{gatewayName}";

    /// <summary>A node's inbox: replies, and deliveries to the remote clients it hosts.</summary>
    public string Node(string nodeId) => NodePrefix + nodeId;

    /// <summary>Whether <paramref name="channel"/> is some node's inbox on this network.</summary>
    public bool IsNode(string channel) => channel.StartsWith(NodePrefix, StringComparison.Ordinal) && channel.Length > NodePrefix.Length;

    private string NodePrefix { get; } = $"{networkName}:node:";
}
