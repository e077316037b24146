using System.Diagnostics;

namespace Switchboard;

/// <summary>Requests (Ignition's <c>sendRequest</c>): one gateway handler, local or on one remote server, with a timeout.</summary>
internal sealed partial class MessageRouter
{
    public async Task<object?> RequestAsync(
        Endpoint sender,
        string project,
        string messageHandler,
        object? payload,
        string? remoteServer,
        TimeSpan? timeout,
        CancellationToken cancellationToken,
        Type? responseType = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(project);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageHandler);
        using var activity = SendTelemetry.Start("switchboard.request", ActivityKind.Client, project, messageHandler, Scope.Gateway);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await RequestCoreAsync(sender, project, messageHandler, payload, remoteServer, timeout, responseType, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
        finally
        {
            SwitchboardTelemetry.RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, SwitchboardTelemetry.ProjectTag(project));
        }
    }

    private async Task<object?> RequestCoreAsync(
        Endpoint sender,
        string project,
        string messageHandler,
        object? payload,
        string? remoteServer,
        TimeSpan? timeout,
        Type? responseType,
        CancellationToken cancellationToken)
    {
        var wait = timeout ?? gateway.Options.RequestTimeout;
        if (wait <= TimeSpan.Zero && wait != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A request timeout must be positive or Timeout.InfiniteTimeSpan.");
        }

        if (RemoteDelivery.Applies(gateway, remoteServer))
        {
            return await RemoteDelivery.RequestAsync(
                gateway, sender.SenderInfo, project, messageHandler, payload, remoteServer, wait, responseType, cancellationToken).ConfigureAwait(false);
        }

        return await RequestLocalAsync(sender.SenderInfo, project, messageHandler, payload, wait, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs this gateway's own handler; requests from the gateway network arrive here with their sender's identity.</summary>
    public async Task<object?> RequestLocalAsync(SenderInfo info, string project, string messageHandler, object? payload, TimeSpan wait, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
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
        var completion = new RequestCompletion(project, messageHandler, wait, cancellationToken);
        bool queued;
        try
        {
            queued = TryQueueOnGateway(new WorkItem(gateway, handler, Scope.Gateway, info, prepared, completion));
        }
        catch
        {
            completion.Dispose();
            throw;
        }

        if (!queued)
        {
            completion.Dispose();
            Log.QueueFull(gateway.Logger, messageHandler, project, gateway.ToString());
            throw new MessageQueueFullException(project, messageHandler);
        }

        return await completion.Task.ConfigureAwait(false);
    }
}
