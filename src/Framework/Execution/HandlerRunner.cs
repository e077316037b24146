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
        using var activity = StartActivity(item);

        // Each delivery gets its own service scope, as an ASP.NET Core request does.
        var scope = target.Services?.GetService<IServiceScopeFactory>()?.CreateAsyncScope();
        try
        {
            // A request that timed out or was cancelled while queued has nobody waiting: do not run it.
            if (request is { IsCompleted: true })
            {
                return;
            }

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
        finally
        {
            if (scope is { } owned)
            {
                await owned.DisposeAsync().ConfigureAwait(false);
            }

            // A request cleans up after itself once it has its outcome (RequestCompletion).
            target.Pending.Release();
        }
    }

    private static Activity? StartActivity(in WorkItem item)
    {
        var activity = SwitchboardTelemetry.Source.StartActivity("switchboard.deliver", ActivityKind.Consumer, item.Parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("switchboard.project", item.Handler.Project);
            activity.SetTag("switchboard.message_handler", item.Handler.Name);
            activity.SetTag("switchboard.scope", item.Scope.ToCode());
            activity.SetTag("switchboard.endpoint", item.Target.ToString());
        }

        return activity;
    }
}
