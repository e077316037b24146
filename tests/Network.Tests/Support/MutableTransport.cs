namespace Switchboard.Network.Tests.Support;

/// <summary>Passes everything to another transport until <see cref="Mute"/>: then it still receives but publishes nothing, like a hung process.</summary>
public sealed class MutableTransport(INetworkTransport inner) : ForwardingTransport(inner)
{
    private volatile bool muted;

    public void Mute() => muted = true;

    public override ValueTask<long> PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default) =>
        muted ? ValueTask.FromResult(1L) : Inner.PublishAsync(channel, message, cancellationToken);

    public override long Publish(string channel, ReadOnlyMemory<byte> message) => muted ? 1 : Inner.Publish(channel, message);
}
