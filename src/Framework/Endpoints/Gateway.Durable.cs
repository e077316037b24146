namespace Switchboard;

public sealed partial class Gateway
{
    private IDurableQueue? durableQueue;

    /// <summary>The store durable sends go to, or <see langword="null"/> when this gateway cannot send durably.</summary>
    public IDurableQueue? DurableQueue => Volatile.Read(ref durableQueue);

    /// <summary>
    /// Sets the store that <see cref="Endpoint.SendDurableAsync"/> writes to, for this gateway and its endpoints
    /// (for Redis, <c>RedisDurableQueue.AttachAsync</c> calls it and also starts reading this gateway's durable messages).
    /// </summary>
    /// <param name="queue">The durable queue.</param>
    /// <returns>This gateway.</returns>
    public Gateway UseDurableQueue(IDurableQueue queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        Volatile.Write(ref durableQueue, queue);
        return this;
    }

    /// <summary>
    /// Runs a durable message's gateway handler here and completes when it has run: a durable queue calls this, and
    /// acknowledges the message only once the task succeeds.
    /// </summary>
    /// <param name="message">The message, addressed to this gateway.</param>
    /// <param name="cancellationToken">Cancels waiting (the handler may still run).</param>
    /// <returns>A task that completes when the handler has run.</returns>
    /// <exception cref="ArgumentException">The message is addressed to another gateway.</exception>
    /// <exception cref="System.Text.Json.JsonException">The payload is not a JSON object.</exception>
    /// <exception cref="MessageHandlerNotFoundException">This gateway has no gateway handler of that name.</exception>
    /// <exception cref="MessageDeniedException">The sender lacks the handler's required role.</exception>
    /// <exception cref="MessageHandlerFailedException">The handler threw.</exception>
    /// <exception cref="RequestTimeoutException">The handler did not finish within <see cref="GatewayOptions.RequestTimeout"/>.</exception>
    public async Task RunDurableAsync(DurableMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!string.Equals(message.TargetGateway, Name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The durable message {message.Id} is for gateway \"{message.TargetGateway}\", not \"{Name}\".", nameof(message));
        }

        var payload = DurablePayload.Read(message.PayloadJson);
        await Router.RequestLocalAsync(
                new MessageRequest(message.Sender, message.Project, message.MessageHandler, payload, RemoteServer: null), Options.RequestTimeout, cancellationToken)
            .ConfigureAwait(false);
    }
}
