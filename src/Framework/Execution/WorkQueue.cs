using System.Collections.Concurrent;

namespace Switchboard;

/// <summary>
/// A bounded FIFO of deliveries, run by at most <c>concurrency</c> drainers on the thread pool. With a concurrency of
/// one it is a dedicated queue (strict order: each item finishes before the next starts); with more it is the shared
/// pool (items start in FIFO order, at most that many run at once).
/// </summary>
/// <remarks>
/// No thread waits per queue. A drainer is a thread-pool work item (this queue itself) that takes items until the
/// queue stays empty for a short spin, then stops. A sender starts one only when no drainer is free to take its item
/// and fewer than <c>concurrency</c> are active, so a steady stream of sends costs an enqueue, not a thread wake-up.
/// Handlers that complete synchronously run back to back; one that does not keeps its drainer (and its place in the
/// concurrency bound) until it finishes, and the drainer then carries on from the thread pool.
/// </remarks>
internal sealed class WorkQueue : IDeliveryQueue, IThreadPoolWorkItem
{
    // Drainers are counted in one long, so that one atomic operation moves both counts: the high half counts active
    // drainers (started and not yet stopped), the low half counts the free ones among them (about to look for an
    // item rather than running one).
    private const long Free = 1;
    private const long Active = 1L << 32;
    private const long FreeMask = Active - 1;

    // How long an idle drainer keeps looking before it stops, in SpinWait rounds (some tens of microseconds). A send
    // that arrives meanwhile is taken without starting anything; one that arrives later starts a drainer.
    private const int DefaultIdleSpins = 40;

    private readonly ConcurrentQueue<WorkItem> items = new();
    private readonly TaskCompletionSource completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int concurrency;
    private readonly int capacity;
    private readonly int idleSpins;

    // Accepted items not yet taken by a drainer (reserved before they are enqueued, released once taken): the depth
    // that the capacity bounds. The queue never holds more items than this counts.
    private int count;
    private long drainers;
    private int completing;

    /// <param name="concurrency">How many items may run at once; 1 for strict order.</param>
    /// <param name="capacity">How many accepted items may wait; more are refused.</param>
    /// <param name="idleSpins">How long an idle drainer keeps looking before it stops; 0 stops at once (dedicated queues, some tests).</param>
    public WorkQueue(int concurrency, int capacity, int idleSpins = DefaultIdleSpins)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegative(idleSpins);
        this.concurrency = concurrency;
        this.capacity = capacity;
        this.idleSpins = idleSpins;
    }

    /// <summary>How many accepted items wait to be started.</summary>
    public int Count => Volatile.Read(ref count);

    public bool TryEnqueue(in WorkItem item)
    {
        if (!TryReserve())
        {
            return false;
        }

        // The reservation is a full fence, and CompleteAsync sets its flag before it reads the count: either this
        // send sees the queue completing and backs out, or completion sees the reservation and waits for the item.
        if (Volatile.Read(ref completing) != 0)
        {
            Interlocked.Decrement(ref count);
            TryFinishCompletion();
            return false;
        }

        items.Enqueue(item);

        // The item is published before the drainers are read (the fence); a drainer that stops decrements its count
        // before it looks at the queue (also fenced). So either this send sees that no drainer is free and starts
        // one, or the stopping drainer sees this item and carries on: the item is never stranded.
        Interlocked.MemoryBarrier();
        if ((Volatile.Read(ref drainers) & FreeMask) == 0 && TryActivate())
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        return true;
    }

    public Task CompleteAsync()
    {
        Interlocked.Exchange(ref completing, 1);
        TryFinishCompletion();
        return completed.Task;
    }

    void IThreadPoolWorkItem.Execute() => Drain();

    private bool TryReserve()
    {
        // A compare-and-swap rather than increment-then-undo, so that a send racing another at the bound never sees
        // a full queue that is not.
        var seen = Volatile.Read(ref count);
        while (seen < capacity)
        {
            var previous = Interlocked.CompareExchange(ref count, seen + 1, seen);
            if (previous == seen)
            {
                return true;
            }

            seen = previous;
        }

        return false;
    }

    /// <summary>Counts one more active, free drainer, unless <c>concurrency</c> are active already.</summary>
    private bool TryActivate()
    {
        var seen = Volatile.Read(ref drainers);
        while ((seen >> 32) < concurrency)
        {
            var previous = Interlocked.CompareExchange(ref drainers, seen + Active + Free, seen);
            if (previous == seen)
            {
                return true;
            }

            seen = previous;
        }

        return false;
    }

    // Runs as one active drainer, counted free whenever it is not running a handler.
    private void Drain()
    {
        while (true)
        {
            if (items.TryDequeue(out var item))
            {
                Interlocked.Decrement(ref count);

                // Busy from here on. If that leaves no drainer free while items wait, start another (within the
                // limit): the same fenced pair as in TryEnqueue, seen from this side.
                if ((Interlocked.Add(ref drainers, -Free) & FreeMask) == 0 && !items.IsEmpty && TryActivate())
                {
                    ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                }

                var running = HandlerRunner.RunAsync(item);
                if (!running.IsCompleted)
                {
                    // Still active (and busy) while the handler runs on; this drainer resumes on the thread pool.
                    _ = ResumeAfterAsync(running);
                    return;
                }

                Interlocked.Add(ref drainers, Free);
                continue;
            }

            if (SpinUntilWork() || !TryStop())
            {
                continue;
            }

            return;
        }
    }

    /// <summary>
    /// Resumes draining on the thread pool once <paramref name="running"/> finishes, rather than on whichever thread
    /// completes it (a caller's <c>SetResult</c> should not go on to run, or wait for, other handlers).
    /// </summary>
    private async Task ResumeAfterAsync(Task running)
    {
        // HandlerRunner never throws; SuppressThrowing keeps the drainer counted correctly even if that ever changed.
        await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Interlocked.Add(ref drainers, Free);
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    private bool SpinUntilWork()
    {
        var spinner = default(SpinWait);
        for (var round = 0; round < idleSpins && Volatile.Read(ref completing) == 0; round++)
        {
            // Other work waits on the thread pool (often the continuation of a request this drainer just answered,
            // queued on this very thread): give the thread back rather than make the pool wake another for it.
            if (round % 8 == 0 && ThreadPool.PendingWorkItemCount > 0)
            {
                return false;
            }

            spinner.SpinOnce(sleep1Threshold: -1);
            if (!items.IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Stops this drainer, unless an item arrived meanwhile and it could stay active to run it.</summary>
    /// <returns>Whether the drainer stopped.</returns>
    private bool TryStop()
    {
        // Uncounted first, then the queue is read (the add is a full fence): an enqueue that still counted this
        // drainer as free has published its item before it read the count, so the read below sees that item.
        Interlocked.Add(ref drainers, -(Active + Free));
        if (!items.IsEmpty && TryActivate())
        {
            return false;
        }

        // If the activation failed, as many drainers as allowed are active again and they will take the item.
        TryFinishCompletion();
        return true;
    }

    /// <summary>Completes <see cref="CompleteAsync"/> once nothing is queued, reserved or running.</summary>
    private void TryFinishCompletion()
    {
        // Every accepted item is counted until a drainer takes it, and that drainer stays active until the item has
        // run: so no count and no drainer means every accepted item has run. Each party that can make this true last
        // (CompleteAsync, a send backing out, a drainer stopping) checks after its own interlocked change.
        if (Volatile.Read(ref completing) != 0 && Volatile.Read(ref count) == 0 && Volatile.Read(ref drainers) == 0)
        {
            completed.TrySetResult();
        }
    }
}
