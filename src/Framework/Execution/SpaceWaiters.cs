namespace Switchboard;

/// <summary>
/// Senders waiting for room in a full queue (<see cref="QueueFullMode.Wait"/>), woken one per freed slot, as a bounded
/// <c>Channel</c>'s writers are. The queue calls <see cref="WakeOne"/> after each release when <see cref="Any"/> is set,
/// so a queue nobody waits on pays one read of a field that only waiters write.
/// </summary>
/// <remarks>
/// No lost wake-up: a waiter registers (under the lock, counted with a full fence) before it looks at the queue's
/// depth, and a queue releases a slot (a full fence) before it reads <see cref="Any"/>. So either the waiter sees the
/// freed slot and leaves at once, or the release sees the waiter and wakes it. A woken waiter only retries: if another
/// sender took the slot first it waits again, at the back.
/// </remarks>
internal sealed class SpaceWaiters
{
    private readonly Queue<TaskCompletionSource> waiting = new();
    private int count;

    /// <summary>Whether anyone is (or may still be counted as) waiting.</summary>
    public bool Any => Volatile.Read(ref count) != 0;

    /// <summary>Completes (with <see langword="true"/>) once the queue may have room or is closing, or throws when <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="hasRoom">Reads the queue's depth; called after registering.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<bool> WaitAsync(Func<bool> hasRoom, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (waiting)
        {
            waiting.Enqueue(waiter);
            Interlocked.Increment(ref count);
        }

        if (hasRoom())
        {
            // Leaves its entry completed, so that a wake-up that finds it passes on to the next waiter.
            waiter.TrySetResult();
            return true;
        }

        await using (cancellationToken.UnsafeRegister(static (state, token) => ((TaskCompletionSource)state!).TrySetCanceled(token), waiter))
        {
            await waiter.Task.ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Wakes the longest-waiting sender that still waits; entries left by senders that gave up are skipped.</summary>
    public void WakeOne()
    {
        lock (waiting)
        {
            while (waiting.TryDequeue(out var waiter))
            {
                Interlocked.Decrement(ref count);
                if (waiter.TrySetResult())
                {
                    return;
                }
            }
        }
    }

    /// <summary>Wakes every waiter (the queue is closing: their retry will find out).</summary>
    public void WakeAll()
    {
        lock (waiting)
        {
            while (waiting.TryDequeue(out var waiter))
            {
                Interlocked.Decrement(ref count);
                waiter.TrySetResult();
            }
        }
    }
}
