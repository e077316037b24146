using System.Diagnostics;

namespace Switchboard;

/// <summary>Requests (Ignition's <c>sendRequest</c>): one gateway handler, local or on one remote server, with a timeout.</summary>
/// <remarks>
/// A local request is queued synchronously and its caller gets the task of its <see cref="RequestCompletion{TResponse}"/>
/// directly: no async method on that path, no timer per request (the gateway's <see cref="DeadlineScheduler{TEntry}"/> keeps the
/// timeouts). An async method wraps it only when someone listens to the request span or the duration histogram.
/// Failures before queuing (bad arguments, no handler, denied, queue full) come back in the task, as from an async method.
/// </remarks>
internal sealed partial class MessageRouter
{

    /// <summary>How many of this gateway's requests are waiting for their timeout (the deadline heap's size).</summary>
    internal int PendingRequestDeadlines => gateway.Deadlines.Count;

    /// <summary>A request whose response is not converted: the handler's value as it is.</summary>
    public Task<object?> RequestAsync(
        Endpoint sender,
        string project,
        string messageHandler,
        object? payload,
        string? remoteServer,
        TimeSpan? timeout,
        CancellationToken cancellationToken,
        Type? responseType = null) =>
        RequestAsync<object?>(sender, project, messageHandler, payload, remoteServer, timeout, responseType, cancellationToken);

    /// <summary>A request whose response is converted to <typeparamref name="TResponse"/> (an <see cref="InvalidCastException"/> if it is not one).</summary>
    public Task<TResponse> RequestAsync<TResponse>(
        Endpoint sender,
        string project,
        string messageHandler,
        object? payload,
        string? remoteServer,
        TimeSpan? timeout,
        Type? responseType,
        CancellationToken cancellationToken)
    {
        MessageRequest request;
        try
        {
            request = MessageRequest.Create(sender.SenderInfo, project, messageHandler, payload, remoteServer);
        }
        catch (ArgumentException exception)
        {
            return RequestResponse.Failed<TResponse>(exception);
        }

        // Telemetry costs this check when nobody listens.
        return SwitchboardTelemetry.Source.HasListeners() || SwitchboardTelemetry.RequestDuration.Enabled
            ? RequestObservedAsync<TResponse>(request, timeout, responseType, cancellationToken)
            : StartRequest<TResponse>(request, timeout, responseType, cancellationToken);
    }

    /// <summary>Runs this gateway's own handler; requests from the gateway network arrive here with their sender's identity.</summary>
    public Task<object?> RequestLocalAsync(MessageRequest request, TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            return QueueLocalRequest<object?>(request, wait, cancellationToken);
        }
        catch (Exception exception)
        {
            return RequestResponse.Failed<object?>(exception);
        }
    }

    private async Task<TResponse> RequestObservedAsync<TResponse>(
        MessageRequest request, TimeSpan? timeout, Type? responseType, CancellationToken cancellationToken)
    {
        // Started before the request is queued, so that the delivery span is its child.
        using var activity = SendTelemetry.Start("switchboard.request", ActivityKind.Client, request.Project, request.Handler, Scope.Gateway);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await StartRequest<TResponse>(request, timeout, responseType, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
        finally
        {
            SwitchboardTelemetry.RequestDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                SwitchboardTelemetry.ProjectTag(request.Project),
                new(MessagingConventions.System, MessagingConventions.SystemName),
                new(MessagingConventions.DestinationName, MessagingConventions.Destination(request.Project, request.Handler)));
        }
    }

    private Task<TResponse> StartRequest<TResponse>(
        in MessageRequest request, TimeSpan? timeout, Type? responseType, CancellationToken cancellationToken)
    {
        try
        {
            var wait = RequestWait(timeout);

            return RemoteDelivery.Applies(gateway, request.RemoteServer)
                ? RequestRemoteAsync<TResponse>(request, wait, responseType, cancellationToken)
                : QueueLocalRequest<TResponse>(request, wait, cancellationToken);
        }
        catch (Exception exception)
        {
            return RequestResponse.Failed<TResponse>(exception);
        }
    }

    private async Task<TResponse> RequestRemoteAsync<TResponse>(
        MessageRequest request, TimeSpan wait, Type? responseType, CancellationToken cancellationToken)
    {
        var response = await RemoteDelivery.RequestAsync(gateway, request, wait, responseType, cancellationToken).ConfigureAwait(false);
        return RequestResponse.Convert<TResponse>(response, request.Project, request.Handler);
    }

    /// <summary>Finds, checks and queues the handler; the returned task is the request's completion.</summary>
    /// <exception cref="OperationCanceledException">The caller's token was cancelled already.</exception>
    /// <exception cref="MessageHandlerNotFoundException">The gateway has no handler of that name.</exception>
    /// <exception cref="MessageDeniedException">The sender lacks the handler's role.</exception>
    /// <exception cref="MessageQueueFullException">The handler's queue is full.</exception>
    /// <exception cref="ObjectDisposedException">The gateway has closed.</exception>
    private Task<TResponse> QueueLocalRequest<TResponse>(in MessageRequest request, TimeSpan wait, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (info, project, messageHandler, payload, _) = request;
        var handlers = Volatile.Read(ref projects).GetValueOrDefault(project, ProjectHandlers.Empty);
        var handler = handlers.Find(Scope.Gateway, messageHandler)
            ?? throw new MessageHandlerNotFoundException(project, messageHandler, gateway.Name);
        if (handler.RequiredRole is { } role && !info.HasRole(role))
        {
            SwitchboardTelemetry.Denied.Add(1, SwitchboardTelemetry.ProjectTag(project));
            Log.Denied(gateway.Logger, messageHandler, project, role);
            throw new MessageDeniedException(project, messageHandler, role);
        }

        var prepared = PayloadPreparation.Prepare(handler, payload);
        var completion = new RequestCompletion<TResponse>(project, messageHandler, wait, cancellationToken, gateway.Deadlines);

        // The clock runs from here, so a request that waits in the queue past its timeout is answered and not run.
        completion.Start();
        bool queued;
        try
        {
            queued = TryQueueOnGateway(new WorkItem(gateway, handler, Scope.Gateway, info, prepared, completion));
        }
        catch
        {
            completion.Abandon();
            throw;
        }

        if (!queued)
        {
            completion.Abandon();
            Log.QueueFull(gateway.Logger, messageHandler, project, gateway.ToString());
            throw new MessageQueueFullException(project, messageHandler);
        }

        return completion.Task;
    }
}
