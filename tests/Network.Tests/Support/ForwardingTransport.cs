namespace Switchboard.Network.Tests.Support;

/// <summary>
/// Passes every call to the transport it wraps, subscriptions read directly included; the test transports that
/// change one call derive from it and override that call.
/// </summary>
public abstract class ForwardingTransport(INetworkTransport inner) : INetworkTransport
{
    protected INetworkTransport Inner => inner;

    public bool IsConnected => inner.IsConnected;

    public event EventHandler<NetworkConnectionEventArgs>? ConnectionChanged
    {
        add => inner.ConnectionChanged += value;
        remove => inner.ConnectionChanged -= value;
    }

    public virtual ValueTask SubscribeAsync(string channel, Action<ReadOnlyMemory<byte>> onMessage, CancellationToken cancellationToken = default) =>
        inner.SubscribeAsync(channel, onMessage, cancellationToken);

    public virtual ValueTask<INetworkSubscription> OpenSubscriptionAsync(string channel, Action messagesWaiting, CancellationToken cancellationToken = default) =>
        inner.OpenSubscriptionAsync(channel, messagesWaiting, cancellationToken);

    public virtual ValueTask UnsubscribeAsync(string channel) => inner.UnsubscribeAsync(channel);

    public virtual ValueTask<long> PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default) =>
        inner.PublishAsync(channel, message, cancellationToken);

    public virtual long Publish(string channel, ReadOnlyMemory<byte> message) => inner.Publish(channel, message);

    public virtual ValueTask DisposeAsync() => inner.DisposeAsync();
}
