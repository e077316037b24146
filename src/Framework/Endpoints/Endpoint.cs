using System.Collections.Concurrent;

namespace Switchboard;

/// <summary>
/// Something attached to a gateway that can send messages: the <see cref="Switchboard.Gateway"/> itself, a
/// <see cref="Client"/>, a <see cref="Session"/> or a <see cref="Designer"/>.
/// </summary>
public abstract partial class Endpoint : IMessageSender, IAsyncDisposable
{
    private readonly CancellationTokenSource shutdown = new();
    private ConcurrentDictionary<object, object>? queuesAndInstances;
    private Task? closing;
    private int closed;

    private Gateway? gateway;

    private protected Endpoint(Gateway? gateway, IServiceProvider? services)
    {
        this.gateway = gateway;
        Services = services;
    }

    /// <summary>The gateway this endpoint is attached to (a gateway returns itself).</summary>
    public Gateway Gateway => gateway ??= (Gateway)this;

    /// <summary>What kind of endpoint this is.</summary>
    public abstract EndpointKind Kind { get; }

    /// <summary>Services for this endpoint's instance handlers, if it was given any.</summary>
    public IServiceProvider? Services { get; }

    /// <summary>Whether the endpoint has been closed.</summary>
    public bool IsClosed => Volatile.Read(ref closed) == 1;

    /// <summary>The identity handlers see as <see cref="MessageContext.Sender"/>.</summary>
    internal abstract SenderInfo SenderInfo { get; }

    internal PendingWork Pending { get; } = new();

    /// <summary>Cancelled when the endpoint closes without having drained in time.</summary>
    internal CancellationToken ShutdownToken => shutdown.Token;

    /// <inheritdoc />
    public IReadOnlyList<string> SendMessage(
        string project,
        string messageHandler,
        IReadOnlyDictionary<string, object?>? payload = null,
        [ScopeLetters] string? scope = null,
        string? clientSessionId = null,
        string? user = null,
        string? hasRole = null,
        string? hostName = null,
        IReadOnlyList<string>? remoteServers = null)
    {
        Scope? parsed = null;
        if (scope is not null)
        {
            if (!ScopeCode.TryParse(scope, out var value, out var error))
            {
                throw new ArgumentException(error, nameof(scope));
            }

            parsed = value;
        }

        EnsureCanSend();
        var send = MessageSend.Create(SenderInfo, project, messageHandler, payload ?? EmptyPayload.Instance, parsed, clientSessionId, user, hasRole, hostName, remoteServers);
        if (Gateway.Router.IsDurable(send))
        {
            throw DurableSends.NotBySendMessage(project, messageHandler);
        }

        return Gateway.Router.Send(send).ToStrings();
    }

    /// <inheritdoc />
    public ValueTask<DeliveryReport> SendAsync(
        string project,
        string messageHandler,
        object? payload = null,
        Scope? scope = null,
        string? clientSessionId = null,
        string? user = null,
        string? hasRole = null,
        string? hostName = null,
        IReadOnlyList<string>? remoteServers = null,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureCanSend();
        var send = MessageSend.Create(SenderInfo, project, messageHandler, payload, scope, clientSessionId, user, hasRole, hostName, remoteServers);
        return Gateway.Router.IsDurable(send) ? StoreDurablyAsync(send, cancellationToken) : Gateway.Router.SendAsync(send, cancellationToken);
    }

    /// <inheritdoc />
    public Task<object?> SendRequestAsync(
        string project,
        string messageHandler,
        IReadOnlyDictionary<string, object?>? payload = null,
        string? remoteServer = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        EnsureCanSend();
        return Gateway.Router.RequestAsync<object?>(
            this, project, messageHandler, payload ?? EmptyPayload.Instance, remoteServer, timeout, responseType: null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TResponse> SendRequestAsync<TResponse>(
        string project,
        string messageHandler,
        object? payload = null,
        string? remoteServer = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        try
        {
            EnsureCanSend();
        }
        catch (Exception exception)
        {
            // In the task, as before: this method used to be async.
            return RequestResponse.Failed<TResponse>(exception);
        }

        // The router converts the response on the worker: the task it returns is the only one of the round trip.
        return Gateway.Router.RequestAsync<TResponse>(this, project, messageHandler, payload, remoteServer, timeout, typeof(TResponse), cancellationToken);
    }

    /// <summary>
    /// Closes the endpoint: it is no longer selected, and accepted messages are drained within the gateway's drain
    /// timeout. Every call, including one made while an earlier one is still draining, completes when the drain does.
    /// </summary>
    /// <returns>A task that completes when the endpoint is closed.</returns>
    public ValueTask DisposeAsync()
    {
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Interlocked.CompareExchange(ref closing, mine.Task, null) is { } earlier)
        {
            return new ValueTask(earlier);
        }

        Volatile.Write(ref closed, 1);
        GC.SuppressFinalize(this);
        _ = CloseThenSignalAsync(mine);
        return new ValueTask(mine.Task);
    }

    /// <summary>Describes the endpoint for logs, for example <c>Client 65F7A472 of gateway "agent-8088"</c>.</summary>
    /// <returns>The description.</returns>
    public abstract override string ToString();

    /// <summary>Detaches the endpoint and drains what it accepted.</summary>
    private protected abstract ValueTask CloseAsync();

    private async Task CloseThenSignalAsync(TaskCompletionSource done)
    {
        try
        {
            await CloseAsync().ConfigureAwait(false);
            done.SetResult();
        }
        catch (Exception exception)
        {
            done.SetException(exception);
        }
    }

    /// <summary>Sends as this endpoint: <paramref name="send"/> must carry this endpoint's <see cref="SenderInfo"/>.</summary>
    internal DeliveryReport Send(in MessageSend send)
    {
        EnsureCanSend();
        return Gateway.Router.Send(send);
    }

    /// <inheritdoc cref="Send(in MessageSend)"/>
    internal ValueTask<DeliveryReport> SendAsync(MessageSend send, CancellationToken cancellationToken)
    {
        EnsureCanSend();
        return Gateway.Router.SendAsync(send, cancellationToken);
    }

    /// <summary>Throws when this endpoint may not send (closed, or a read-only designer).</summary>
    private protected virtual void EnsureCanSend() => ObjectDisposedException.ThrowIf(IsClosed, this);

    /// <summary>Counts the item as pending and queues it on the queue its handler's threading names.</summary>
    /// <remarks>
    /// Takes no lock: counting the item first is what makes it safe against closing (see <see cref="PendingWork"/>).
    /// Once closing has begun the item is refused, and an item counted before that is waited for by the drain.
    /// </remarks>
    internal DeliveryAttempt TryDeliver(in WorkItem item)
    {
        if (!Pending.TryAdd())
        {
            return DeliveryAttempt.Closed;
        }

        // Counted before it is queued: an inline handler has run, and counted itself out, by the time TryEnqueue returns.
        SwitchboardTelemetry.QueueDepth.Add(1);
        if (QueueFor(item.Handler).TryEnqueue(item))
        {
            return DeliveryAttempt.Queued;
        }

        SwitchboardTelemetry.QueueDepth.Add(-1);
        Pending.Release();
        return DeliveryAttempt.QueueFull;
    }

    internal virtual IDeliveryQueue QueueFor(HandlerDescriptor handler) => handler.Threading switch
    {
        // Inline runs as Shared here; the gateway overrides it. Clients and sessions are reached under the router's
        // read lock (and with its per-thread selection buffer in use), which a handler run there could not safely send
        // or attach through.
        HandlerThreading.Shared or HandlerThreading.Inline => Gateway.SharedPool,
        _ => DedicatedQueueFor(handler),
    };

    /// <summary>The strictly ordered queue of <paramref name="key"/> (a handler, or a client's UI) on this endpoint.</summary>
    /// <remarks>Its drainer stops as soon as it runs dry: a broadcast to many sessions starts one per session, and
    /// their spinning would add up to a lot of CPU for nothing.</remarks>
    private protected IDeliveryQueue DedicatedQueueFor(object key) =>
        (IDeliveryQueue)Lookups.GetOrAdd(key, static (_, capacity) => new WorkQueue(concurrency: 1, capacity, idleSpins: 0), Gateway.Options.DedicatedQueueCapacity);

    internal THandler GetHandlerInstance<THandler>(Func<IServiceProvider?, THandler> factory)
        where THandler : class =>
        (THandler)Lookups.GetOrAdd(typeof(THandler), static (_, state) => state.factory(state.services),
            (factory, services: Services));

    /// <summary>Stops accepting deliveries, waits for the accepted ones to run, then stops this endpoint's own queues.</summary>
    private protected async ValueTask DrainAsync()
    {
        var timeout = Gateway.Options.DrainTimeout;
        try
        {
            await DrainQueuesAsync().WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.DrainTimedOut(Gateway.Logger, ToString(), Pending.Count, timeout);
            await shutdown.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task DrainQueuesAsync()
    {
        // The queues are completed only after the pending count has drained: a send that was accepted just before
        // closing began may still be on its way into one of them, and a completed queue would refuse it.
        await Pending.CloseAndWaitAsync().ConfigureAwait(false);
        var queues = queuesAndInstances?.Values.OfType<IDeliveryQueue>().ToArray() ?? [];
        await Task.WhenAll(queues.Select(queue => queue.CompleteAsync())).ConfigureAwait(false);
    }

    // Dedicated queues (keyed by handler) and handler instances (keyed by type) share one lazily made map.
    private ConcurrentDictionary<object, object> Lookups =>
        queuesAndInstances ?? Interlocked.CompareExchange(ref queuesAndInstances, new(), null) ?? queuesAndInstances;
}
