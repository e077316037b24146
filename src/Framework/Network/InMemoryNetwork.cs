namespace Switchboard.Network;

/// <summary>
/// A gateway network inside one process: the stand-in for a Redis server. Each <see cref="Connect"/> is one
/// connection, like one process's connection to Redis, so several <see cref="GatewayNetwork"/>s (each with its
/// gateways and remote clients) can share it, and a test can cut one connection as if its process had died.
/// </summary>
/// <example>
/// <code>
/// var hub = new InMemoryNetwork();
/// await using var network = new GatewayNetwork(hub.Connect());
/// await network.JoinAsync(gateway8088);
/// await network.JoinAsync(gateway9000);
/// </code>
/// </example>
public sealed class InMemoryNetwork
{
    private readonly object gate = new();
    private readonly Dictionary<string, InMemoryNetworkTransport.Subscription[]> channels = new(StringComparer.Ordinal);

    /// <summary>Opens a new connection to this network.</summary>
    /// <returns>A connected transport; give it to a <see cref="GatewayNetwork"/>.</returns>
    public InMemoryNetworkTransport Connect() => new(this);

    /// <summary>How many connections subscribe to <paramref name="channel"/>.</summary>
    /// <param name="channel">The channel name.</param>
    /// <returns>The subscriber count.</returns>
    public int SubscriberCount(string channel)
    {
        lock (gate)
        {
            return channels.TryGetValue(channel, out var subscribers) ? subscribers.Length : 0;
        }
    }

    internal void Add(InMemoryNetworkTransport.Subscription subscription)
    {
        lock (gate)
        {
            var current = channels.GetValueOrDefault(subscription.Channel, []);
            if (Array.IndexOf(current, subscription) < 0)
            {
                channels[subscription.Channel] = [.. current, subscription];
            }
        }
    }

    internal void Remove(InMemoryNetworkTransport.Subscription subscription)
    {
        lock (gate)
        {
            if (!channels.TryGetValue(subscription.Channel, out var current))
            {
                return;
            }

            var remaining = Array.FindAll(current, candidate => !ReferenceEquals(candidate, subscription));
            if (remaining.Length == 0)
            {
                channels.Remove(subscription.Channel);
            }
            else
            {
                channels[subscription.Channel] = remaining;
            }
        }
    }

    internal long Publish(string channel, ReadOnlyMemory<byte> message)
    {
        InMemoryNetworkTransport.Subscription[] subscribers;
        lock (gate)
        {
            // Arrays are replaced, never changed, so the snapshot needs no copy.
            subscribers = channels.GetValueOrDefault(channel, []);
        }

        if (subscribers.Length == 0)
        {
            return 0;
        }

        var copy = message.ToArray();
        foreach (var subscriber in subscribers)
        {
            subscriber.Deliver(copy);
        }

        return subscribers.Length;
    }
}
