using System.Runtime.CompilerServices;

namespace Switchboard;

/// <summary>
/// The "queue" of <see cref="HandlerThreading.Inline"/> handlers: runs each delivery at once on the thread that
/// delivers it. What an endpoint's drain waits for is its pending count, which the runner releases, so there is
/// nothing of its own to complete.
/// </summary>
internal sealed class InlineQueue(IDeliveryQueue overflow) : IDeliveryQueue
{
    public bool TryEnqueue(in WorkItem item)
    {
        // A handler that sends to itself inline would recurse until the stack overflows and the process dies; where
        // little stack is left, the delivery goes to the shared pool and the chain goes on there.
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return overflow.TryEnqueue(item);
        }

        // Runs synchronously up to the handler's first incomplete await; the runner never throws. A request answered
        // before it returns completes its caller's task here, before the caller awaits it: no thread hop at all.
        var holding = RequestCompletion.TryHoldAnswerOf(item.Request);
        _ = HandlerRunner.RunAsync(item);
        if (holding)
        {
            RequestCompletion.TakeHeldAnswer()?.PublishHere();
        }

        return true;
    }

    public Task<bool> WaitForRoomAsync(CancellationToken cancellationToken) => overflow.WaitForRoomAsync(cancellationToken);

    public Task CompleteAsync() => Task.CompletedTask;
}
