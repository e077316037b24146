namespace Switchboard.Network.Tests.Support;

/// <summary>Passes everything to another transport until <see cref="Mute"/>: then it still receives but publishes nothing, like a hung process.</summary>
public sealed class MutableTransport(INetworkTransport inner) : INetworkTransport
{
    private volatile bool muted;

    public bool IsConnected => inner.IsConnected;

    public event EventHandler<NetworkConnectionEventArgs>? ConnectionChanged
    {
        add => inner.ConnectionChanged += value;
        remove => inner.ConnectionChanged -= value;
    }

    public void Mute() => muted = true;

    public ValueTask SubscribeAsync(string channel, Action<ReadOnlyMemory<byte>> onMessage, CancellationToken cancellationToken = default) =>
        inner.SubscribeAsync(channel, onMessage, cancellationToken);

    public ValueTask<INetworkSubscription> OpenSubscriptionAsync(string channel, Action messagesWaiting, CancellationToken cancellationToken = default) =>
        inner.OpenSubscriptionAsync(channel, messagesWaiting, cancellationToken);

    public ValueTask UnsubscribeAsync(string channel) => inner.UnsubscribeAsync(channel);

    public ValueTask<long> PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default) =>
        muted ? ValueTask.FromResult(1L) : inner.PublishAsync(channel, message, cancellationToken);

    public long Publish(string channel, ReadOnlyMemory<byte> message) => muted ? 1 : inner.Publish(channel, message);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
