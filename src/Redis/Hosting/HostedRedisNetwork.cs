using Switchboard.Network;

namespace Switchboard.Redis;

/// <summary>
/// Holds the hosted gateway's Redis network from the moment the host has started it until the host stops, so that
/// <see cref="GatewayNetwork"/> can be resolved from DI while the connection itself is made asynchronously at start.
/// </summary>
internal sealed class HostedRedisNetwork : IAsyncDisposable
{
    private GatewayNetwork? network;

    /// <summary>The network; throws a message that says when it exists if the host has not started it yet.</summary>
    /// <exception cref="InvalidOperationException">The host has not started, or has stopped.</exception>
    public GatewayNetwork Network => Volatile.Read(ref network) ?? throw new InvalidOperationException(
        "The Redis gateway network connects when the host starts, so GatewayNetwork can be resolved only after that: " +
        "resolve it when it is used (in a handler, or in a hosted service's StartAsync), not in a constructor that runs before the host starts.");

    public void Set(GatewayNetwork connected) => Volatile.Write(ref network, connected);

    /// <summary>Leaves the network and closes the Redis connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref network, null) is { } connected)
        {
            await connected.DisposeAsync().ConfigureAwait(false);
        }
    }
}
