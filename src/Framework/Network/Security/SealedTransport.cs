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
                if (TryOpen(channel, frame, out var envelope))
                {
                    onMessage(envelope);
                }
            },
            cancellationToken);

    public async ValueTask<INetworkSubscription> OpenSubscriptionAsync(string channel, Action messagesWaiting, CancellationToken cancellationToken = default) =>
        new OpenedSubscription(this, channel, await inner.OpenSubscriptionAsync(channel, messagesWaiting, cancellationToken).ConfigureAwait(false));

    public ValueTask UnsubscribeAsync(string channel) => inner.UnsubscribeAsync(channel);

    public ValueTask<long> PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default) =>
        inner.PublishAsync(channel, seal.Seal(channel, message.Span), cancellationToken);

    public long Publish(string channel, ReadOnlyMemory<byte> message) => inner.Publish(channel, seal.Seal(channel, message.Span));

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    /// <summary>Verifies and unwraps a received frame; one that fails is refused (counted and logged) here.</summary>
    private bool TryOpen(string channel, ReadOnlyMemory<byte> frame, out ReadOnlyMemory<byte> envelope)
    {
        if (frame.Length > maxMessageBytes + EnvelopeSeal.Overhead)
        {
            // Not worth a MAC over megabytes of what will be dropped anyway.
            refused(channel, DropReason.Oversized, $"it is {frame.Length} bytes, more than GatewayNetworkOptions.MaxMessageBytes ({maxMessageBytes}) and a signature");
            envelope = default;
            return false;
        }

        if (seal.TryOpen(channel, frame, out envelope, out var reason, out var detail))
        {
            return true;
        }

        refused(channel, reason, detail);
        return false;
    }

    /// <summary>Hands its reader only the frames that pass, unwrapped; the others are refused as they are read.</summary>
    private sealed class OpenedSubscription(SealedTransport owner, string channel, INetworkSubscription sealedFrames) : INetworkSubscription
    {
        public bool TryRead(out ReadOnlyMemory<byte> message, out int waiting)
        {
            while (sealedFrames.TryRead(out var frame, out waiting))
            {
                if (owner.TryOpen(channel, frame, out message))
                {
                    return true;
                }
            }

            message = default;
            return false;
        }
    }
}
