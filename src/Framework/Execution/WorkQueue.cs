using System.Collections.Concurrent;
using System.Runtime.InteropServices;

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
/// Handlers that complete synchronously run back to back, and the drainer stays counted busy from one to the next: it
/// writes the shared drainer count only when it runs dry or starts running again, not per item. A drainer that takes
/// an item while more wait and no drainer is free wakes one more (wake on backlog). A handler that does not complete
/// synchronously keeps its drainer (and its place in the concurrency bound) until it finishes, and the drainer then
/// carries on from the thread pool. A request answered by a handler that completed synchronously is published by its
/// drainer: with the queue empty, after the drainer has left the count, so that the caller's continuation runs on that
/// thread rather than in a work item of its own (<see cref="TryPublishOutsideThePool"/>).
/// <para>Across cores: the counters that senders and drainers write sit on cache lines of their own, away from the
/// fields every send only reads; a drainer gives the capacity it took back in batches (large queues only, see
/// <see cref="releaseBatch"/>); and at most two idle drainers at a time spin for more work, the others stop at once,
/// so an idle pool on many cores has two threads watching the queue rather than one per core.</para>
/// <para>A full queue refuses at once (<see cref="TryEnqueue"/>); a sender that chose to wait
/// (<see cref="QueueFullMode.Wait"/>) awaits <see cref="WaitForRoomAsync"/> and retries, woken one per freed slot.</para>
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

    // How many idle drainers may spin at once; the others stop at once. Two, not one: while one drainer runs a handler
    // the other must still be there to take the next send, or every send that finds the first one busy would wake a
    // thread (measured: with one spinner, a stream of sends to an idle 2-worker pool became several times slower).
    // Not one per core either: on many cores that is many threads reading the queue's lines that each send writes.
    private const int MaxSpinners = 2;

    // Large queues release capacity in batches of up to this many items; small ones item by item, so that their
    // bound stays exact.
    private const int MaxReleaseBatch = 32;
    private const int ItemsPerBatchedRelease = 1024;

    // What the runtime pads its own concurrent queues to (two 64-byte lines, for the adjacent-line prefetcher).
    private const int CacheLine = 128;

    private readonly ConcurrentQueue<WorkItem> items = new();
    private readonly TaskCompletionSource completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SpaceWaiters waiters = new();
    private readonly Func<bool> hasRoom;
    private readonly int concurrency;
    private readonly int capacity;
    private readonly int idleSpins;

    // How many taken items a drainer may hold before it gives their capacity back: 1 (exact) up to 1,023 items of
    // capacity, growing to MaxReleaseBatch, so the bound is never off by more than 3 % (a batch per active drainer).
    private readonly int releaseBatch;
    private int completing;

    // Written by senders and drainers on every item: kept off the lines of the read-only fields above.
    private HotCounters hot;

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
        releaseBatch = Math.Clamp(capacity / ItemsPerBatchedRelease, 1, MaxReleaseBatch);
        hasRoom = () => Volatile.Read(ref hot.Count) < this.capacity || Volatile.Read(ref completing) != 0;
    }

    /// <summary>How many accepted items wait to be started (for a large queue, plus up to a batch per drainer taken but not yet released).</summary>
    public int Count => Volatile.Read(ref hot.Count);

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
            Release(1);
            TryFinishCompletion();
            return false;
        }

        items.Enqueue(item);

        // The item is published before the drainers are read (the fence); a drainer that stops decrements its count
        // before it looks at the queue (also fenced). So either this send sees that no drainer is free and starts
        // one, or the stopping drainer sees this item and carries on: the item is never stranded.
        Interlocked.MemoryBarrier();
        if ((Volatile.Read(ref hot.Drainers) & FreeMask) == 0 && TryActivate())
        {
            Wake();
        }

        return true;
    }

    public Task<bool> WaitForRoomAsync(CancellationToken cancellationToken) => waiters.WaitAsync(hasRoom, cancellationToken);

    public Task CompleteAsync()
    {
        Interlocked.Exchange(ref completing, 1);
        waiters.WakeAll();
        TryFinishCompletion();
        return completed.Task;
    }

    void IThreadPoolWorkItem.Execute() => Drain();

    private bool TryReserve()
    {
        // A compare-and-swap rather than increment-then-undo, so that a send racing another at the bound never sees
        // a full queue that is not.
        var seen = Volatile.Read(ref hot.Count);
        while (seen < capacity)
        {
            var previous = Interlocked.CompareExchange(ref hot.Count, seen + 1, seen);
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
        var seen = Volatile.Read(ref hot.Drainers);
        while ((seen >> 32) < concurrency)
        {
            var previous = Interlocked.CompareExchange(ref hot.Drainers, seen + Active + Free, seen);
            if (previous == seen)
            {
                return true;
            }

            seen = previous;
        }

        return false;
    }

    // Runs as one active drainer. It is counted busy from the item it takes until it finds the queue empty: while
    // items flow it takes one after another with no write to the shared drainer count, and only the change between
    // running and looking (not each item) moves that count between cores.
    private void Drain()
    {
        // Items taken whose capacity this drainer has not given back yet (at most releaseBatch).
        var taken = 0;

        // Whether this drainer is counted free: it starts free (TryActivate and ResumeAfterAsync count it so).
        var free = true;

        // A request its last handler answered on this thread, not yet published to the caller (see TryPublishOutsideThePool).
        RequestCompletion? answer = null;
        while (true)
        {
            if (items.TryDequeue(out var item))
            {
                // The caller never waits behind another handler: its continuation goes to the thread pool.
                answer?.PublishOnPool();
                answer = null;
                if (++taken >= releaseBatch || waiters.Any)
                {
                    Release(taken);
                    taken = 0;
                }

                if (free)
                {
                    // Busy from here on. If that leaves no drainer free while items wait, start another (within the
                    // limit): the same fenced pair as in TryEnqueue, seen from this side.
                    free = false;
                    if ((Interlocked.Add(ref hot.Drainers, -Free) & FreeMask) == 0 && !items.IsEmpty && TryActivate())
                    {
                        Wake();
                    }
                }
                else if (concurrency > 1 && !items.IsEmpty && (Volatile.Read(ref hot.Drainers) & FreeMask) == 0 && TryActivate())
                {
                    // Still busy, and a backlog waits with no drainer free: wake another on the backlog (a read, not
                    // a write, while work flows; senders that find nobody free wake one too).
                    Wake();
                }

                // A request's answer given while the handler runs here is held, for this drainer to publish below.
                var holding = RequestCompletion.HoldAnswerOf(item.Request);
                var running = HandlerRunner.RunAsync(item);
                answer = holding ? RequestCompletion.TakeHeldAnswer() : null;
                if (!running.IsCompleted)
                {
                    // Still active (and busy) while the handler runs on; this drainer resumes on the thread pool. What
                    // it took is given back first: a handler that waits must not hold queue capacity meanwhile.
                    Release(taken);
                    answer?.PublishOnPool();
                    _ = ResumeAfterAsync(running);
                    return;
                }

                // Straight on to the next item, still counted busy.
                continue;
            }

            // Nothing to take: give back what was taken before looking further, so that waiting senders get room.
            Release(taken);
            taken = 0;
            if (answer is not null)
            {
                var carriesOn = TryPublishOutsideThePool(answer, counted: free ? Active + Free : Active);
                answer = null;
                if (!carriesOn)
                {
                    return;
                }

                free = true;
                continue;
            }

            if (!free)
            {
                // Free again, then the queue is read again (the add is a full fence): a send that still saw this
                // drainer busy either started another drainer, or published its item before this read.
                Interlocked.Add(ref hot.Drainers, Free);
                free = true;
                continue;
            }

            if (SpinUntilWorkAsOneOfFewSpinners() || !TryStop())
            {
                continue;
            }

            return;
        }
    }

    /// <summary>
    /// Answers the request whose handler this drainer just ran, the queue being empty: the drainer steps out of the
    /// pool's count first, so that the caller's continuation, which then runs here inline instead of in a thread-pool
    /// work item of its own, runs on a plain thread-pool thread, as it would have anyway: it holds no place in the
    /// concurrency bound and cannot hold up handlers (a send it makes finds, or starts, another drainer). Then the
    /// thread comes back as a drainer, if the pool has room, to be warm for the next send.
    /// </summary>
    /// <param name="answer">The request answered.</param>
    /// <param name="counted">What this drainer adds to the drainer count now: <see cref="Active"/>, plus <see cref="Free"/> when it is free.</param>
    /// <returns>Whether this thread is a counted, free drainer again and carries on; otherwise it has stopped.</returns>
    /// <remarks>
    /// The endpoint's pending count was released when the handler returned, so a queue completing at this moment can
    /// finish completing a moment before the caller's task completes; the request's outcome was decided before either.
    /// </remarks>
    private bool TryPublishOutsideThePool(RequestCompletion answer, long counted)
    {
        // As in TryStop: uncounted first, then the queue is read (the add is a full fence), so that an item published
        // by a send that still saw this drainer free is not left waiting behind the caller's continuation.
        Interlocked.Add(ref hot.Drainers, -counted);
        if (!items.IsEmpty && TryActivate())
        {
            answer.PublishOnPool();
            return true;
        }

        answer.PublishHere();
        if (idleSpins > 0 && Volatile.Read(ref completing) == 0 && TryActivate())
        {
            return true;
        }

        TryFinishCompletion();
        return false;
    }

    private void Wake() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);

    /// <summary>Gives back the capacity of <paramref name="taken"/> items, and wakes a waiting sender if there is one.</summary>
    private void Release(int taken)
    {
        if (taken == 0)
        {
            return;
        }

        // The decrement is a full fence before Any is read: see SpaceWaiters for why no waiter is missed.
        Interlocked.Add(ref hot.Count, -taken);
        if (waiters.Any)
        {
            waiters.WakeOne();
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
        Interlocked.Add(ref hot.Drainers, Free);
        Wake();
    }

    /// <summary>Spins for more work, unless <see cref="MaxSpinners"/> idle drainers already do: then this one stops at once.</summary>
    private bool SpinUntilWorkAsOneOfFewSpinners()
    {
        if (idleSpins == 0)
        {
            return false;
        }

        if (Interlocked.Increment(ref hot.Spinning) > MaxSpinners)
        {
            Interlocked.Decrement(ref hot.Spinning);
            return false;
        }

        var found = SpinUntilWork();
        Interlocked.Decrement(ref hot.Spinning);
        return found;
    }

    private bool SpinUntilWork()
    {
        var spinner = default(SpinWait);
        for (var round = 0; round < idleSpins && Volatile.Read(ref completing) == 0; round++)
        {
            // Other work waits on the thread pool (a caller's continuation published from a work item, for example):
            // give the thread back rather than make the pool wake another for it.
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
        Interlocked.Add(ref hot.Drainers, -(Active + Free));
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
        if (Volatile.Read(ref completing) != 0 && Volatile.Read(ref hot.Count) == 0 && Volatile.Read(ref hot.Drainers) == 0)
        {
            completed.TrySetResult();
        }
    }

    /// <summary>
    /// The fields senders and drainers write, each on its own pair of cache lines (the size the runtime pads its own
    /// queues to), so that writing one does not take another, or the queue's read-only fields, away from a core.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 4 * CacheLine)]
    private struct HotCounters
    {
        /// <summary>
        /// Accepted items not yet released by a drainer (reserved before they are enqueued, released once taken, in
        /// batches for a large queue): the depth that the capacity bounds. The queue never holds more items than this counts.
        /// </summary>
        [FieldOffset(CacheLine)]
        public int Count;

        /// <summary>Active drainers in the high half, the free ones among them in the low half (see <see cref="Active"/>).</summary>
        [FieldOffset(2 * CacheLine)]
        public long Drainers;

        /// <summary>How many idle drainers spin for work (at most <see cref="MaxSpinners"/>).</summary>
        [FieldOffset(3 * CacheLine)]
        public int Spinning;
    }
}
