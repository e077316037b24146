using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard;

/// <summary>Runs one queued delivery. Never throws: a failing handler is logged and, for requests, reported to the caller.</summary>
internal static class HandlerRunner
{
    public static async Task RunAsync(WorkItem item)
    {
        var target = item.Target;
        var request = item.Request;
        SwitchboardTelemetry.QueueDepth.Add(-1);
        AsyncServiceScope? scope = null;
        try
        {
            using var activity = StartActivity(item);
            try
            {
                // A request that timed out or was cancelled while queued has nobody waiting: do not run it. The
                // deadline is checked here too, so a late timer (a busy pool) cannot let an expired request run.
                if (request is not null && (request.IsCompleted || request.TryExpire()))
                {
                    return;
                }

                // Each delivery gets its own service scope, as an ASP.NET Core request does.
                scope = target.Services?.GetService<IServiceScopeFactory>()?.CreateAsyncScope();
                var token = request?.Token ?? target.ShutdownToken;
                var context = new MessageContext(target, item.Handler, item.Scope, item.Sender, item.Payload, scope?.ServiceProvider ?? target.Services);
                var result = await item.Handler.Invoker(item.Payload, context, token).ConfigureAwait(false);
                request?.Complete(result);
                SwitchboardTelemetry.Delivered.Add(1, SwitchboardTelemetry.ProjectTag(item.Handler.Project));
            }
            catch (Exception exception)
            {
                SwitchboardTelemetry.Failed.Add(1, SwitchboardTelemetry.ProjectTag(item.Handler.Project));
                activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
                if (request is null || request.Fail(exception))
                {
                    Log.HandlerFailed(target.Gateway.Logger, exception, item.Handler.Name, item.Handler.Project, target.ToString());
                }
            }

            if (scope is { } owned)
            {
                await DisposeScopeAsync(owned, item).ConfigureAwait(false);
            }
        }
        finally
        {
            // Whatever happened above, the delivery is no longer pending: a drain must never wait for it in vain. A
            // request cleans up after itself once it has its outcome (RequestCompletion).
            target.Pending.Release();
        }
    }

    // A scoped service that throws on disposal is the application's bug, not the delivery's: log it and go on.
    private static async ValueTask DisposeScopeAsync(AsyncServiceScope scope, WorkItem item)
    {
        try
        {
            await scope.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log.HandlerFailed(item.Target.Gateway.Logger, exception, item.Handler.Name, item.Handler.Project, item.Target.ToString());
        }
    }

    private static Activity? StartActivity(in WorkItem item)
    {
        var activity = SwitchboardTelemetry.Source.StartActivity("switchboard.deliver", ActivityKind.Consumer, item.Parent);
        if (activity is { IsAllDataRequested: true })
        {
            MessagingConventions.Tag(activity, "process", MessagingConventions.Process, item.Handler.Project, item.Handler.Name);
            activity.SetTag("switchboard.project", item.Handler.Project);
            activity.SetTag("switchboard.message_handler", item.Handler.Name);
            activity.SetTag("switchboard.scope", item.Scope.ToCode());
            activity.SetTag("switchboard.endpoint", item.Target.ToString());
        }

        return activity;
    }
}
