using Microsoft.Extensions.Logging;

namespace Switchboard;

/// <summary>Runs one queued delivery. Never throws: a failing handler is logged and, for requests, reported to the caller.</summary>
internal static class HandlerRunner
{
    public static async Task RunAsync(WorkItem item)
    {
        var target = item.Target;
        var request = item.Request;
        try
        {
            // A request that timed out or was cancelled while queued has nobody waiting: do not run it.
            if (request is { IsCompleted: true })
            {
                return;
            }

            var token = request?.Token ?? target.ShutdownToken;
            var context = new MessageContext(target, item.Handler, item.Scope, item.Sender, item.Payload);
            var result = await item.Handler.Invoker(item.Payload, context, token).ConfigureAwait(false);
            request?.Complete(result);
        }
        catch (Exception exception)
        {
            if (request is null || request.Fail(exception))
            {
                Log.HandlerFailed(target.Gateway.Logger, exception, item.Handler.Name, item.Handler.Project, target.ToString());
            }
        }
        finally
        {
            request?.Dispose();
            target.Pending.Release();
        }
    }
}
