namespace Switchboard;

/// <summary>
/// Posts UI-threaded client handlers to the client's <see cref="SynchronizationContext"/> (Ignition's EDT),
/// bounded by counting what has been posted and has not finished yet.
/// </summary>
internal sealed class SynchronizationContextQueue(SynchronizationContext context, int capacity) : IDeliveryQueue
{
    private readonly TaskCompletionSource drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SpaceWaiters waiters = new();
    private int pending;
    private int completing;

    public bool TryEnqueue(in WorkItem item)
    {
        if (Volatile.Read(ref completing) == 1)
        {
            return false;
        }

        if (Interlocked.Increment(ref pending) > capacity)
        {
            Release();
            return false;
        }

        context.Post(static state => _ = ((Posted)state!).RunAsync(), new Posted(this, item));
        return true;
    }

    public Task<bool> WaitForRoomAsync(CancellationToken cancellationToken) =>
        waiters.WaitAsync(() => Volatile.Read(ref pending) < capacity || Volatile.Read(ref completing) == 1, cancellationToken);

    public Task CompleteAsync()
    {
        Interlocked.Exchange(ref completing, 1);
        waiters.WakeAll();
        if (Volatile.Read(ref pending) == 0)
        {
            drained.TrySetResult();
        }

        return drained.Task;
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref pending) == 0 && Volatile.Read(ref completing) == 1)
        {
            drained.TrySetResult();
        }

        if (waiters.Any)
        {
            waiters.WakeOne();
        }
    }

    private sealed class Posted(SynchronizationContextQueue queue, WorkItem item)
    {
        public async Task RunAsync()
        {
            try
            {
                await HandlerRunner.RunAsync(item).ConfigureAwait(true);
            }
            finally
            {
                queue.Release();
            }
        }
    }
}
