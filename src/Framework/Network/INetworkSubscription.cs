namespace Switchboard.Network;

/// <summary>
/// One subscribed channel's received messages, oldest first, waiting for their reader: a <see cref="GatewayNetwork"/>'s
/// inbound worker takes them itself, one at a time, so that no thread of the transport's stands between an arriving
/// message and the worker, and so that the worker sees how many wait (<see cref="GatewayNetworkOptions.InboundQueueCapacity"/>
/// counts them). Opened with <see cref="INetworkTransport.OpenSubscriptionAsync"/>, ended with <see cref="INetworkTransport.UnsubscribeAsync"/>.
/// </summary>
/// <remarks>One reader at a time calls <see cref="TryRead"/>; the transport adds messages from its own threads.</remarks>
public interface INetworkSubscription
{
    /// <summary>Takes the oldest message waiting on this subscription.</summary>
    /// <param name="message">The message; the transport never reuses its memory.</param>
    /// <param name="waiting">How many more messages wait behind it on this subscription (approximate where the transport can only estimate it).</param>
    /// <returns>
    /// <see langword="false"/> when none waits now; the transport then calls the <c>messagesWaiting</c> callback given to
    /// <see cref="INetworkTransport.OpenSubscriptionAsync"/> once a message can be read.
    /// </returns>
    bool TryRead(out ReadOnlyMemory<byte> message, out int waiting);
}
