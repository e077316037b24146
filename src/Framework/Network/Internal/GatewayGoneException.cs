namespace Switchboard.Network;

/// <summary>Fails what waits for a reply from a gateway that presence says is gone, since no reply is coming.</summary>
internal sealed class GatewayGoneException(string reason) : Exception(reason);
