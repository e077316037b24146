using System.Runtime.CompilerServices;

namespace Switchboard;

/// <summary>
/// The "queue" of <see cref="HandlerThreading.Inline"/> handlers: runs each delivery at once on the thread that
/// delivers it, or hands it to the shared pool where that thread must not run it. What an endpoint's drain waits for
/// is its pending count, which the runner releases, so there is nothing of its own to complete.
/// </summary>
internal sealed class InlineQueue(IDeliveryQueue overflow) : IDeliveryQueue
{
    [ThreadStatic]
    private static bool deferred;

    /// <summary>
    /// Until the scope is disposed, Inline deliveries made on this thread go to the shared pool: for the gateway
    /// network's inbound worker, which also reads the replies a handler may wait for, so that a handler blocking on one
    /// cannot stop the node.
    /// </summary>
    public static DeferScope DeferOnThisThread()
    {
        var scope = new DeferScope(deferred);
        deferred = true;
        return scope;
    }

    public bool TryEnqueue(in WorkItem item)
    {
        // A handler that sends to itself inline would recurse until the stack overflows and the process dies; where
        // little stack is left, the delivery goes to the shared pool and the chain goes on there.
        if (deferred || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return overflow.TryEnqueue(item);
        }

        // Without the caller's SynchronizationContext: the handler's awaits must not resume on a UI thread that the
        // caller may be blocking on the request's result.
        var context = SynchronizationContext.Current;
        if (context is not null)
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }

        try
        {
            // Runs synchronously up to the handler's first incomplete await; the runner never throws. A request
            // answered before it returns completes its caller's task here, before the caller awaits it: no hop at all.
            var holding = RequestCompletion.TryHoldAnswerOf(item.Request);
            _ = HandlerRunner.RunAsync(item);
            if (holding)
            {
                RequestCompletion.TakeHeldAnswer()?.PublishHere();
            }
        }
        finally
        {
            if (context is not null)
            {
                SynchronizationContext.SetSynchronizationContext(context);
            }
        }

        return true;
    }

    public Task<bool> WaitForRoomAsync(CancellationToken cancellationToken) => overflow.WaitForRoomAsync(cancellationToken);

    public Task CompleteAsync() => Task.CompletedTask;

    /// <summary>Restores the thread's previous setting (<see cref="DeferOnThisThread"/>).</summary>
    public readonly struct DeferScope(bool previous) : IDisposable
    {
        public void Dispose() => deferred = previous;
    }
}
