namespace Switchboard;

public abstract partial class Endpoint
{
    /// <summary>
    /// Sends a message to a gateway handler in durable mode (at least once): the message is stored in the gateway's
    /// <see cref="IDurableQueue"/> and runs on <paramref name="remoteServer"/> when that gateway reads it, even if it
    /// is down now, restarts, or crashes while running it. The receiver acknowledges only after the handler ran,
    /// retries a failing handler, dead-letters it after the queue's attempt limit, and runs each message id once.
    /// </summary>
    /// <param name="project">The handler's project.</param>
    /// <param name="messageHandler">A gateway-scope handler on <paramref name="remoteServer"/> (durable mode reaches gateway handlers only).</param>
    /// <param name="payload">A typed payload or a dictionary; it is stored as JSON.</param>
    /// <param name="remoteServer">The gateway that runs the handler (this gateway's own name is allowed).</param>
    /// <param name="cancellationToken">Cancels waiting for the store.</param>
    /// <returns>One <c>RemoteGateway</c> result with status <c>QUEUED</c> (<see cref="DeliveryStatus.Queued"/>).</returns>
    /// <exception cref="ArgumentException">A name is empty.</exception>
    /// <exception cref="InvalidOperationException">The gateway has no durable queue (see <see cref="Gateway.UseDurableQueue"/>).</exception>
    /// <exception cref="PayloadConversionException">The payload cannot be written as JSON.</exception>
    /// <exception cref="ObjectDisposedException">The endpoint is closed.</exception>
    /// <remarks>Thread-safe. The handler sees the payload as JSON values (strings, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>), or converted to its payload type.</remarks>
    public async ValueTask<DeliveryReport> SendDurableAsync(
        string project,
        string messageHandler,
        object? payload,
        string remoteServer,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(project);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageHandler);
        ArgumentException.ThrowIfNullOrWhiteSpace(remoteServer);
        EnsureCanSend();
        var queue = Gateway.DurableQueue ?? throw new InvalidOperationException(
            $"{Gateway} has no durable queue: call Gateway.UseDurableQueue (for Redis, RedisDurableQueue.AttachAsync) before sending durably.");

        var json = DurablePayload.Write(payload, project, messageHandler);
        var message = new DurableMessage(Guid.NewGuid().ToString("N"), remoteServer, project, messageHandler, json, SenderInfo);
        await queue.EnqueueAsync(message, cancellationToken).ConfigureAwait(false);

        var send = MessageSend.Create(SenderInfo, project, messageHandler, payload, Scope.Gateway, null, null, null, null, [remoteServer]);
        var results = new DeliveryResultsBuilder();
        results.Add(send.RemoteResult(remoteServer, DeliveryStatus.Queued));
        return results.Build();
    }
}
