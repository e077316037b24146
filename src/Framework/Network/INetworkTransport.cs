namespace Switchboard.Network;

/// <summary>
/// Carries a <see cref="GatewayNetwork"/>'s messages between processes: named channels with publish/subscribe, the
/// model of Redis pub/sub. <see cref="InMemoryNetworkTransport"/> connects gateways in one process; the
/// <c>Switchboard.Redis</c> package provides one over Redis. A transport only moves bytes: every meaning (envelopes,
/// presence, requests, remote clients) lives in <see cref="GatewayNetwork"/>, so that both behave the same.
/// </summary>
public interface INetworkTransport : IAsyncDisposable
{
    /// <summary>Whether messages can be published now.</summary>
    bool IsConnected { get; }

    /// <summary>Raised when the connection is lost or comes back; a transport restores its subscriptions by itself.</summary>
    event EventHandler<NetworkConnectionEventArgs>? ConnectionChanged;

    /// <summary>Subscribes to a channel. Messages are passed to <paramref name="onMessage"/> one at a time, in the order they were published.</summary>
    /// <param name="channel">The channel name.</param>
    /// <param name="onMessage">Called for each message; it must return quickly. The transport never reuses the memory it passes.</param>
    /// <param name="cancellationToken">Cancels the subscription request.</param>
    /// <returns>A task that completes once messages published from now on are received.</returns>
    /// <exception cref="InvalidOperationException">The channel is already subscribed on this transport.</exception>
    ValueTask SubscribeAsync(string channel, Action<ReadOnlyMemory<byte>> onMessage, CancellationToken cancellationToken = default);

    /// <summary>
    /// Subscribes to a channel for a reader that takes the messages itself, oldest first, with
    /// <see cref="INetworkSubscription.TryRead"/>: the way <see cref="GatewayNetwork"/> receives, so that a message reaches
    /// its inbound worker without passing through another thread of the transport's.
    /// </summary>
    /// <param name="channel">The channel name.</param>
    /// <param name="messagesWaiting">
    /// Called after <see cref="INetworkSubscription.TryRead"/> has returned <see langword="false"/>, once a message can be
    /// read (more often is allowed). The reader may handle messages on the calling thread before it returns, so the
    /// transport calls it on a thread-pool thread: never on a publisher's thread, inside its own locks, or on the thread
    /// that reads its connection.
    /// </param>
    /// <param name="cancellationToken">Cancels the subscription request.</param>
    /// <returns>The subscription, once messages published from now on are received.</returns>
    /// <exception cref="InvalidOperationException">The channel is already subscribed on this transport.</exception>
    /// <remarks>
    /// The default implementation subscribes with <see cref="SubscribeAsync"/> and keeps what it is handed in a queue of
    /// its own, waking the reader through the thread pool: correct for any transport, one thread hop more than a
    /// transport that lets the reader take from its own ordered queue (as <see cref="InMemoryNetworkTransport"/> and the
    /// Redis transport do).
    /// </remarks>
    ValueTask<INetworkSubscription> OpenSubscriptionAsync(string channel, Action messagesWaiting, CancellationToken cancellationToken = default) =>
        WaitingMessages.SubscribeAsync(this, channel, messagesWaiting, cancellationToken);

    /// <summary>Stops receiving a channel's messages; unknown channels are ignored.</summary>
    /// <param name="channel">The channel name.</param>
    /// <returns>A task that completes when the subscription is gone.</returns>
    ValueTask UnsubscribeAsync(string channel);

    /// <summary>Publishes a message.</summary>
    /// <param name="channel">The channel name.</param>
    /// <param name="message">The message bytes; the transport copies what it keeps.</param>
    /// <param name="cancellationToken">Cancels the wait for the publish to be acknowledged.</param>
    /// <returns>How many subscriptions (processes) received it: 0 means nobody is listening on that channel.</returns>
    /// <exception cref="Exception">Any exception when the message could not be published (for example while disconnected).</exception>
    ValueTask<long> PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default);

    /// <summary>Publishes a message and waits synchronously; used by the synchronous <see cref="IMessageSender.SendMessage"/>.</summary>
    /// <param name="channel">The channel name.</param>
    /// <param name="message">The message bytes; the transport copies what it keeps.</param>
    /// <returns>How many subscriptions (processes) received it.</returns>
    /// <exception cref="Exception">Any exception when the message could not be published.</exception>
    long Publish(string channel, ReadOnlyMemory<byte> message);
}
