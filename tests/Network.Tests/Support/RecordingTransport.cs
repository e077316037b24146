using System.Collections.Concurrent;

namespace Switchboard.Network.Tests.Support;

/// <summary>
/// Passes everything to another transport and keeps a copy of each message published, for the fuzz test to mutate,
/// and says when it was disposed.
/// </summary>
public sealed class RecordingTransport(INetworkTransport inner) : INetworkTransport
{
    public ConcurrentQueue<(string Channel, byte[] Message)> Published { get; } = new();

    private readonly TaskCompletionSource disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the network has closed this transport.</summary>
    public Task Disposed => disposed.Task;

    public bool IsConnected => inner.IsConnected;

    public event EventHandler<NetworkConnectionEventArgs>? ConnectionChanged
    {
        add => inner.ConnectionChanged += value;
        remove => inner.ConnectionChanged -= value;
    }

    public ValueTask SubscribeAsync(string channel, Action<ReadOnlyMemory<byte>> onMessage, CancellationToken cancellationToken = default) =>
        inner.SubscribeAsync(channel, onMessage, cancellationToken);

    public ValueTask<INetworkSubscription> OpenSubscriptionAsync(string channel, Action messagesWaiting, CancellationToken cancellationToken = default) =>
        inner.OpenSubscriptionAsync(channel, messagesWaiting, cancellationToken);

    public ValueTask UnsubscribeAsync(string channel) => inner.UnsubscribeAsync(channel);

    public ValueTask<long> PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        Published.Enqueue((channel, message.ToArray()));
        return inner.PublishAsync(channel, message, cancellationToken);
    }

    public long Publish(string channel, ReadOnlyMemory<byte> message)
    {
        Published.Enqueue((channel, message.ToArray()));
        return inner.Publish(channel, message);
    }

    public ValueTask DisposeAsync()
    {
        disposed.TrySetResult();
        return inner.DisposeAsync();
    }
}
