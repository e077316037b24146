using System.Threading.Channels;

namespace Switchboard.Network;

/// <summary>
/// One connection to an <see cref="InMemoryNetwork"/>, with Redis pub/sub's behaviour: a publish reaches the connections
/// subscribed at that moment and returns how many they were; each subscription receives its messages in order; messages
/// on their way when the connection drops are lost. A subscription opened with <see cref="OpenSubscriptionAsync"/> keeps
/// its messages until its reader takes them (the publisher only queues them and, when the reader waits, wakes it through
/// the thread pool); one made with <see cref="SubscribeAsync"/> is called on the connection's own worker.
/// </summary>
public sealed class InMemoryNetworkTransport : INetworkTransport
{
    private readonly InMemoryNetwork network;
    private readonly Dictionary<string, Subscription> subscriptions = new(StringComparer.Ordinal);
    private readonly Channel<(Subscription Subscription, byte[] Message, int Epoch)> inbox =
        Channel.CreateUnbounded<(Subscription, byte[], int)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Task worker;
    private bool connected = true;
    private bool disposed;
    private int epoch;

    internal InMemoryNetworkTransport(InMemoryNetwork network)
    {
        this.network = network;
        worker = Task.Run(DeliverAsync);
    }

    /// <inheritdoc />
    public event EventHandler<NetworkConnectionEventArgs>? ConnectionChanged;

    /// <inheritdoc />
    public bool IsConnected
    {
        get
        {
            lock (subscriptions)
            {
                return connected && !disposed;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask SubscribeAsync(string channel, Action<ReadOnlyMemory<byte>> onMessage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onMessage);
        Add(new Subscription(this, channel, onMessage, waiting: null), cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<INetworkSubscription> OpenSubscriptionAsync(string channel, Action messagesWaiting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messagesWaiting);
        var waiting = new WaitingMessages(messagesWaiting);
        Add(new Subscription(this, channel, onMessage: null, waiting), cancellationToken);
        return ValueTask.FromResult<INetworkSubscription>(waiting);
    }

    private void Add(Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscription.Channel);
        cancellationToken.ThrowIfCancellationRequested();
        lock (subscriptions)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (!subscriptions.TryAdd(subscription.Channel, subscription))
            {
                throw new InvalidOperationException($"The channel \"{subscription.Channel}\" is already subscribed on this connection.");
            }

            if (connected)
            {
                network.Add(subscription);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask UnsubscribeAsync(string channel)
    {
        lock (subscriptions)
        {
            if (subscriptions.Remove(channel, out var subscription))
            {
                subscription.Active = false;
                network.Remove(subscription);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<long> PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Publish(channel, message));
    }

    /// <inheritdoc />
    public long Publish(string channel, ReadOnlyMemory<byte> message)
    {
        if (!IsConnected)
        {
            throw new InvalidOperationException("The in-memory network connection is down (Disconnect was called or the transport is disposed).");
        }

        return network.Publish(channel, message);
    }

    /// <summary>
    /// Drops the connection as a network failure would: subscriptions stop receiving, messages on their way are lost,
    /// and publishing throws until <see cref="Reconnect"/>.
    /// </summary>
    public void Disconnect()
    {
        lock (subscriptions)
        {
            if (!connected || disposed)
            {
                return;
            }

            connected = false;
            epoch++;
            foreach (var subscription in subscriptions.Values)
            {
                network.Remove(subscription);
                subscription.Waiting?.Clear();
            }
        }

        ConnectionChanged?.Invoke(this, new NetworkConnectionEventArgs(false, "the in-memory connection was dropped"));
    }

    /// <summary>Restores a dropped connection and its subscriptions.</summary>
    public void Reconnect()
    {
        lock (subscriptions)
        {
            if (connected || disposed)
            {
                return;
            }

            connected = true;
            foreach (var subscription in subscriptions.Values)
            {
                network.Add(subscription);
            }
        }

        ConnectionChanged?.Invoke(this, new NetworkConnectionEventArgs(true, "the in-memory connection was restored"));
    }

    /// <summary>Closes the connection: its subscriptions end and its worker stops.</summary>
    /// <returns>A task that completes when the worker has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        lock (subscriptions)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            foreach (var subscription in subscriptions.Values)
            {
                subscription.Active = false;
                network.Remove(subscription);
            }

            subscriptions.Clear();
        }

        inbox.Writer.TryComplete();
        await worker.ConfigureAwait(false);
    }

    private void Enqueue(Subscription subscription, byte[] message) => inbox.Writer.TryWrite((subscription, message, Volatile.Read(ref epoch)));

    private async Task DeliverAsync()
    {
        await foreach (var (subscription, message, sentEpoch) in inbox.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (!subscription.Active || sentEpoch != Volatile.Read(ref epoch))
            {
                continue;
            }

            try
            {
                subscription.OnMessage!(message);
            }
            catch (Exception)
            {
                // A subscriber that throws loses that message only, as with Redis; the connection keeps working.
            }
        }
    }

    /// <summary>A channel subscribed on this connection: called on the connection's worker, or read by its own reader.</summary>
    internal sealed class Subscription(InMemoryNetworkTransport owner, string channel, Action<ReadOnlyMemory<byte>>? onMessage, WaitingMessages? waiting)
    {
        public string Channel { get; } = channel;

        public Action<ReadOnlyMemory<byte>>? OnMessage { get; } = onMessage;

        public WaitingMessages? Waiting { get; } = waiting;

        public volatile bool Active = true;

        /// <summary>Called by the publisher: queues the message for the reader or for the connection's worker.</summary>
        public void Deliver(byte[] message)
        {
            if (Waiting is { } queue)
            {
                queue.Add(message);
            }
            else
            {
                owner.Enqueue(this, message);
            }
        }
    }
}
