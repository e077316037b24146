namespace Switchboard.Network;

/// <summary>Fails what waits for a reply when the transport's connection drops, since a reply sent meanwhile is lost.</summary>
internal sealed class NetworkConnectionLostException(string reason) : Exception(reason);
