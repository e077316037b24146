namespace Switchboard.Network;

/// <summary>Says that a transport's connection was lost or restored.</summary>
/// <param name="isConnected">Whether the transport is connected now.</param>
/// <param name="reason">What happened, for logs.</param>
public sealed class NetworkConnectionEventArgs(bool isConnected, string reason) : EventArgs
{
    /// <summary>Whether the transport is connected now.</summary>
    public bool IsConnected { get; } = isConnected;

    /// <summary>What happened, for logs.</summary>
    public string Reason { get; } = reason;
}
