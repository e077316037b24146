namespace Switchboard.Network.Tests.Support;

/// <summary>
/// Passes everything to another transport, but holds back what arrives on one channel until <see cref="Release"/>,
/// then hands it all over at once, as a gateway that was busy finds many messages waiting in its inbound queue.
/// </summary>
public sealed class BurstTransport(INetworkTransport inner, string heldChannel) : INetworkTransport
{
    private readonly List<byte[]> held = [];
    private Action<ReadOnlyMemory<byte>>? heldHandler;
    private bool released;

    public int HeldCount
    {
        get
        {
            lock (held)
            {
                return held.Count;
            }
        }
    }

    public bool IsConnected => inner.IsConnected;

    public event EventHandler<NetworkConnectionEventArgs>? ConnectionChanged
    {
        add => inner.ConnectionChanged += value;
        remove => inner.ConnectionChanged -= value;
    }

    public ValueTask SubscribeAsync(string channel, Action<ReadOnlyMemory<byte>> onMessage, CancellationToken cancellationToken = default)
    {
        if (channel != heldChannel)
        {
            return inner.SubscribeAsync(channel, onMessage, cancellationToken);
        }

        heldHandler = onMessage;
        return inner.SubscribeAsync(channel, Hold, cancellationToken);
    }

    /// <summary>Hands everything held to the subscriber in one go, and passes what comes later straight through.</summary>
    public void Release()
    {
        lock (held)
        {
            released = true;
            foreach (var message in held)
            {
                heldHandler!(message);
            }

            held.Clear();
        }
    }

    public ValueTask UnsubscribeAsync(string channel) => inner.UnsubscribeAsync(channel);

    public ValueTask<long> PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default) =>
        inner.PublishAsync(channel, message, cancellationToken);

    public long Publish(string channel, ReadOnlyMemory<byte> message) => inner.Publish(channel, message);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private void Hold(ReadOnlyMemory<byte> message)
    {
        lock (held)
        {
            if (!released)
            {
                held.Add(message.ToArray());
                return;
            }
        }

        heldHandler!(message);
    }
}
