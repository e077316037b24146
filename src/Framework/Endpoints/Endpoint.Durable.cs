namespace Switchboard;

public abstract partial class Endpoint
{
    /// <summary>
    /// Sends a message to a gateway handler in durable mode (at least once): the message is stored in the gateway's
    /// <see cref="IDurableQueue"/> and runs on <paramref name="remoteServer"/> when that gateway reads it, even if it
    /// is down now, restarts, or crashes while running it. The receiver acknowledges only after the handler ran,
    /// retries a failing handler, dead-letters it after the queue's attempt limit, and runs each message id once.
    /// A handler declared with <c>Delivery = DeliveryMode.Durable</c> is sent this way by its typed stub and by
    /// <see cref="SendAsync(string, string, object?, Scope?, string?, string?, string?, string?, IReadOnlyList{string}?, CancellationToken)"/> too.
    /// </summary>
    /// <param name="project">The handler's project.</param>
    /// <param name="messageHandler">A gateway-scope handler on <paramref name="remoteServer"/> (durable mode reaches gateway handlers only; SWB0021).</param>
    /// <param name="payload">A typed payload or a dictionary; it is stored as JSON.</param>
    /// <param name="remoteServer">The gateway that runs the handler (this gateway's own name is allowed).</param>
    /// <param name="cancellationToken">Cancels waiting for the store.</param>
    /// <returns>One <c>RemoteGateway</c> result with status <c>QUEUED</c> (<see cref="DeliveryStatus.Queued"/>).</returns>
    /// <exception cref="ArgumentException">A name is empty or longer than 1,024 characters.</exception>
    /// <exception cref="InvalidOperationException">The gateway has no durable queue (see <see cref="Gateway.UseDurableQueue"/>).</exception>
    /// <exception cref="PayloadConversionException">The payload cannot be written as JSON.</exception>
    /// <exception cref="ObjectDisposedException">The endpoint is closed.</exception>
    /// <remarks>Thread-safe. The handler sees the payload as JSON values (strings, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>), or converted to its payload type.</remarks>
    public ValueTask<DeliveryReport> SendDurableAsync(
        string project,
        string messageHandler,
        object? payload,
        string remoteServer,
        CancellationToken cancellationToken = default)
    {
        MessageNames.Check(project);
        MessageNames.Check(messageHandler);
        MessageNames.Check(remoteServer);
        EnsureCanSend();
        var send = MessageSend.Create(SenderInfo, project, messageHandler, payload, Scope.Gateway, null, null, null, null, [remoteServer]);
        return StoreDurablyAsync(send, cancellationToken);
    }

    /// <summary>The durable send of a typed stub whose handler is declared durable: this endpoint's identity, Ignition's filters.</summary>
    internal ValueTask<DeliveryReport> StoreDurablyAsync(
        string project, string messageHandler, object? payload, Scope scope, IReadOnlyList<string>? remoteServers, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureCanSend();
        var send = MessageSend.Create(SenderInfo, project, messageHandler, payload, scope, null, null, null, null, remoteServers);
        return StoreDurablyAsync(send, cancellationToken);
    }

    /// <summary>
    /// Stores <paramref name="send"/> once per target gateway: each of its remote servers (a <c>RemoteGateway</c>
    /// result), else this gateway (a <c>Gateway</c> result); every result is <c>QUEUED</c>. Clients and sessions are
    /// not selected: a durable handler is a gateway handler only.
    /// </summary>
    private async ValueTask<DeliveryReport> StoreDurablyAsync(MessageSend send, CancellationToken cancellationToken)
    {
        var queue = Gateway.DurableQueue ?? throw DurableSends.NoQueue(Gateway);
        var json = DurablePayload.Write(send.Payload, send.Project, send.Handler);
        var results = new DeliveryResultsBuilder();
        if (send.IsRemote)
        {
            foreach (var server in send.RemoteServers!)
            {
                await queue.EnqueueAsync(NewMessage(server), cancellationToken).ConfigureAwait(false);
                results.Add(send.RemoteResult(server, DeliveryStatus.Queued));
            }
        }
        else
        {
            await queue.EnqueueAsync(NewMessage(Gateway.Name), cancellationToken).ConfigureAwait(false);
            results.Add(send.Result(DeliveryTargetType.Gateway, DeliveryStatus.Queued));
        }

        return results.Build();

        DurableMessage NewMessage(string target) =>
            new(Guid.NewGuid().ToString("N"), target, send.Project, send.Handler, json, send.Sender);
    }
}
