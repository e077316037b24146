using System.Collections.Concurrent;

namespace Switchboard.Network.Tests.Support;

/// <summary>
/// Passes everything to another transport and keeps a copy of each message published, for the fuzz test to mutate,
/// and says when it was disposed.
/// </summary>
public sealed class RecordingTransport(INetworkTransport inner) : ForwardingTransport(inner)
{
    private readonly TaskCompletionSource disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<(string Channel, byte[] Message)> Published { get; } = new();

    /// <summary>Completes when the network has closed this transport.</summary>
    public Task Disposed => disposed.Task;

    public override ValueTask<long> PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        Published.Enqueue((channel, message.ToArray()));
        return Inner.PublishAsync(channel, message, cancellationToken);
    }

    public override long Publish(string channel, ReadOnlyMemory<byte> message)
    {
        Published.Enqueue((channel, message.ToArray()));
        return Inner.Publish(channel, message);
    }

    public override ValueTask DisposeAsync()
    {
        disposed.TrySetResult();
        return Inner.DisposeAsync();
    }
}
