namespace Switchboard;

/// <summary>Counts an endpoint's accepted but unfinished deliveries, so that closing it can wait for them.</summary>
internal sealed class PendingWork
{
    private readonly TaskCompletionSource idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int count;
    private int draining;

    public int Count => Volatile.Read(ref count);

    public void Add() => Interlocked.Increment(ref count);

    public void Release()
    {
        if (Interlocked.Decrement(ref count) == 0 && Volatile.Read(ref draining) == 1)
        {
            idle.TrySetResult();
        }
    }

    /// <summary>Completes once nothing is pending; call after the endpoint stops accepting deliveries.</summary>
    public Task WhenIdleAsync()
    {
        // Exchange is a full fence, so a Release that saw draining == 0 happened before the count read below.
        Interlocked.Exchange(ref draining, 1);
        if (Volatile.Read(ref count) == 0)
        {
            idle.TrySetResult();
        }

        return idle.Task;
    }
}
