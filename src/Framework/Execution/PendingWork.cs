namespace Switchboard;

/// <summary>
/// Counts an endpoint's accepted but unfinished deliveries, and stops accepting when the endpoint closes, so that
/// closing can wait for exactly what was accepted.
/// </summary>
/// <remarks>
/// A send counts a delivery (<see cref="TryAdd"/>) before it queues it, without any lock shared with closing. The two
/// sides are a Dekker pair of full fences: <see cref="TryAdd"/> increments, then reads the closing flag;
/// <see cref="CloseAndWaitAsync"/> sets the flag, then reads the count. Whatever the interleaving, either the send sees
/// the flag and backs out (the delivery was never accepted), or closing sees the count and waits for the delivery to
/// finish: nothing accepted is lost, and nothing runs after the wait has completed.
/// </remarks>
internal sealed class PendingWork
{
    private readonly TaskCompletionSource idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int count;
    private int closing;

    public int Count => Volatile.Read(ref count);

    /// <summary>Counts one delivery as pending, unless closing has begun.</summary>
    /// <returns><see langword="false"/> when the endpoint no longer accepts deliveries; nothing is counted then.</returns>
    public bool TryAdd()
    {
        Interlocked.Increment(ref count);
        if (Volatile.Read(ref closing) == 0)
        {
            return true;
        }

        Release();
        return false;
    }

    /// <summary>Marks one counted delivery as finished (or as not queued after all).</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref count) == 0 && Volatile.Read(ref closing) == 1)
        {
            idle.TrySetResult();
        }
    }

    /// <summary>
    /// Stops accepting deliveries and completes once every accepted one has finished. Call it once the endpoint can no
    /// longer be selected; a send that still reaches it then is refused (<see cref="TryAdd"/> returns false).
    /// </summary>
    public Task CloseAndWaitAsync()
    {
        // Exchange is a full fence: a TryAdd that read closing == 0 incremented before the count is read below, and a
        // Release that saw closing == 0 decremented before it too.
        Interlocked.Exchange(ref closing, 1);
        if (Volatile.Read(ref count) == 0)
        {
            idle.TrySetResult();
        }

        return idle.Task;
    }
}
