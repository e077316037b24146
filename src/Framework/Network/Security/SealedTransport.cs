namespace Switchboard.Network;

/// <summary>
/// Puts an <see cref="EnvelopeSeal"/> between a <see cref="GatewayNetwork"/> and its transport: everything published
/// is signed, and everything received is verified before the network reads it. A message that fails is handed to
/// <c>refused</c> (counted and logged like a malformed one) and never reaches the network.
/// </summary>
internal sealed class SealedTransport(INetworkTransport inner, EnvelopeSeal seal, int maxMessageBytes, Action<string, DropReason, string> refused) : INetworkTransport
{
    public bool IsConnected => inner.IsConnected;

    public event EventHandler<NetworkConnectionEventArgs>? ConnectionChanged
    {
        add => inner.ConnectionChanged += value;
        remove => inner.ConnectionChanged -= value;
    }

    public ValueTask SubscribeAsync(string channel, Action<ReadOnlyMemory<byte>> onMessage, CancellationToken cancellationToken = default) =>
        inner.SubscribeAsync(
            channel,
            frame =>
            {
                if (frame.Length > maxMessageBytes + EnvelopeSeal.Overhead)
                {
                    // Not worth a MAC over megabytes of what will be dropped anyway.
                    refused(channel, DropReason.Oversized, $"it is {frame.Length} bytes, more than GatewayNetworkOptions.MaxMessageBytes ({maxMessageBytes}) and a signature");
                }
                else if (seal.TryOpen(channel, frame, out var envelope, out var reason, out var detail))
                {
                    onMessage(envelope);
                }
                else
                {
                    refused(channel, reason, detail);
                }
            },
            cancellationToken);

    public ValueTask UnsubscribeAsync(string channel) => inner.UnsubscribeAsync(channel);

    public ValueTask<long> PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default) =>
        inner.PublishAsync(channel, seal.Seal(channel, message.Span), cancellationToken);

    public long Publish(string channel, ReadOnlyMemory<byte> message) => inner.Publish(channel, seal.Seal(channel, message.Span));

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
