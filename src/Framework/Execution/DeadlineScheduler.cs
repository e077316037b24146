namespace Switchboard;

/// <summary>Something with a deadline that a <see cref="DeadlineScheduler{TEntry}"/> keeps.</summary>
internal interface IScheduledDeadline
{
    /// <summary>When it expires, in the scheduler's timestamps (<see cref="DeadlineScheduler{TEntry}.Now"/>); <see cref="long.MaxValue"/> for never.</summary>
    long Deadline { get; set; }

    /// <summary>Where it sits in the scheduler's heap, or -1 (kept by the scheduler, under its lock).</summary>
    int DeadlineIndex { get; set; }
}

/// <summary>
/// The one deadline scheduler: a min-heap of deadlines on one timer of a <see cref="TimeProvider"/>, armed for the
/// earliest. A gateway's local requests and a network's sends and requests waiting for a reply both keep their
/// timeouts here, so a waiting message costs a heap entry, never a timer or a linked token source of its own.
/// </summary>
/// <remarks>
/// <para>Per entry this costs an insertion and a removal under one lock, held only for a heap step (a new deadline is
/// usually the latest, so the insertion stops at once). The timer is re-armed only when a new deadline is earlier than
/// the one it is armed for; when it fires for an entry already removed, it re-arms for the earliest left. Timeouts keep
/// the timer's precision: it fires at the earliest deadline, not on a coarse tick.</para>
/// <para>When it fires, the expired entries leave the heap under the lock and are handed to the owner's callback
/// outside it, all at once, so that the owner can answer every waiter before it runs anything slower.</para>
/// <para>On <see cref="TimeProvider.System"/> deadlines are counted in <see cref="Environment.TickCount64"/>
/// milliseconds, the coarse clock that .NET's own timers run on: a request reads the clock twice (its deadline, and
/// whether it expired before its handler runs), and a coarse read costs a few nanoseconds where a precise timestamp
/// costs tens (docs/benchmarks.md, "The request, profiled"). A deadline may then be reached up to one tick of that
/// clock early or late (1–16 ms, by platform), which is the precision of the timer that fires it anyway. Any other
/// <see cref="TimeProvider"/> (a fake one in tests) is read through its own timestamps.</para>
/// <para>Thread safe.</para>
/// </remarks>
/// <typeparam name="TEntry">What is scheduled.</typeparam>
internal sealed class DeadlineScheduler<TEntry> : IDisposable
    where TEntry : class, IScheduledDeadline
{
    // A system timer takes at most 0xFFFFFFFE milliseconds; a later deadline is reached by re-arming.
    private const double MaxDueMilliseconds = 0xFFFFFFFE;

    private readonly object gate = new();
    private readonly Action<List<TEntry>> onExpired;

    // Timestamps are Environment.TickCount64 milliseconds on the system clock, the provider's own timestamps otherwise.
    private readonly bool coarse;
    private readonly long frequency;
    private TEntry[] heap = new TEntry[8];
    private int count;
    private ITimer? timer;
    private bool disposed;

    // When the timer will fire (timestamps), or long.MaxValue when it is not armed.
    private long armedFor = long.MaxValue;

    /// <param name="time">The clock and the timer.</param>
    /// <param name="onExpired">Called on the timer's thread with the entries whose deadline passed, already removed.</param>
    public DeadlineScheduler(TimeProvider time, Action<List<TEntry>> onExpired)
    {
        Time = time;
        this.onExpired = onExpired;
        coarse = ReferenceEquals(time, TimeProvider.System);
        frequency = coarse ? 1000 : time.TimestampFrequency;
    }

    public TimeProvider Time { get; }

    /// <summary>How many entries wait for their deadline.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return count;
            }
        }
    }

    /// <summary>Whether <paramref name="deadline"/> has passed, by this scheduler's clock.</summary>
    public bool HasPassed(long deadline) => deadline != long.MaxValue && Now() >= deadline;

    /// <summary>How long until <paramref name="deadline"/> (negative once it has passed), by this scheduler's clock.</summary>
    public TimeSpan Until(long deadline) => TimeSpan.FromSeconds((deadline - Now()) / (double)frequency);

    /// <summary>Now, in this scheduler's timestamps: what <see cref="IScheduledDeadline.Deadline"/> is counted in.</summary>
    public long Now() => coarse ? Environment.TickCount64 : Time.GetTimestamp();

    /// <summary>Sets the entry's deadline to now plus <paramref name="timeout"/> and keeps it until it expires or is removed.</summary>
    /// <remarks>An infinite timeout, or one too long to count, sets a deadline of never and keeps nothing.</remarks>
    public void Add(TEntry entry, TimeSpan timeout)
    {
        var now = Now();
        entry.Deadline = DeadlineAfter(now, timeout);
        if (entry.Deadline == long.MaxValue)
        {
            return;
        }

        lock (gate)
        {
            if (count == heap.Length)
            {
                Array.Resize(ref heap, heap.Length * 2);
            }

            SiftUp(count++, entry);
            if (entry.Deadline < armedFor)
            {
                Arm(entry.Deadline, now);
            }
        }
    }

    /// <summary>Forgets the entry's deadline; does nothing if it has none (any more).</summary>
    public void Remove(TEntry entry)
    {
        lock (gate)
        {
            if (entry.DeadlineIndex >= 0)
            {
                RemoveAt(entry.DeadlineIndex);
            }
        }
    }

    /// <summary>Stops the timer: nothing expires after this.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            timer?.Dispose();
        }
    }

    private long DeadlineAfter(long now, TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return long.MaxValue;
        }

        // A timeout too long to count in timestamps never comes.
        if (coarse)
        {
            // Whole milliseconds, rounded up, in integers: the double arithmetic below showed in the request's profile.
            var whole = Math.DivRem(Math.Max(0, timeout.Ticks), TimeSpan.TicksPerMillisecond, out var part);
            var milliseconds = part == 0 ? whole : whole + 1;
            return milliseconds < long.MaxValue - now ? now + milliseconds : long.MaxValue;
        }

        var ticks = Math.Max(0, timeout.TotalSeconds) * frequency;
        return ticks < long.MaxValue - now ? now + (long)Math.Ceiling(ticks) : long.MaxValue;
    }

    private void Arm(long deadline, long now)
    {
        if (disposed)
        {
            return;
        }

        var dueMilliseconds = Math.Clamp(Math.Ceiling((deadline - now) * 1000.0 / frequency), 1, MaxDueMilliseconds);
        armedFor = Math.Min(deadline, now + (long)(dueMilliseconds * frequency / 1000.0));
        (timer ??= CreateTimer()).Change(TimeSpan.FromMilliseconds(dueMilliseconds), Timeout.InfiniteTimeSpan);
    }

    private ITimer CreateTimer()
    {
        // The timer must not capture the first caller's execution context (its async locals, its activity).
        if (ExecutionContext.IsFlowSuppressed())
        {
            return NewTimer();
        }

        using (ExecutionContext.SuppressFlow())
        {
            return NewTimer();
        }
    }

    private ITimer NewTimer() =>
        Time.CreateTimer(static state => ((DeadlineScheduler<TEntry>)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    private void OnTimer()
    {
        List<TEntry>? expired = null;
        lock (gate)
        {
            armedFor = long.MaxValue;
            var now = Now();
            while (count > 0 && heap[0].Deadline <= now)
            {
                (expired ??= []).Add(heap[0]);
                RemoveAt(0);
            }

            if (count > 0)
            {
                Arm(heap[0].Deadline, now);
            }
        }

        if (expired is not null)
        {
            onExpired(expired);
        }
    }

    private void RemoveAt(int index)
    {
        heap[index].DeadlineIndex = -1;
        var last = heap[--count];
        heap[count] = null!;
        if (index == count)
        {
            return;
        }

        // The last entry takes the hole; it moves up if it is earlier than the hole's parent, else down.
        if (index > 0 && last.Deadline < heap[(index - 1) / 2].Deadline)
        {
            SiftUp(index, last);
        }
        else
        {
            SiftDown(index, last);
        }
    }

    private void SiftUp(int index, TEntry entry)
    {
        while (index > 0)
        {
            var parentIndex = (index - 1) / 2;
            var parent = heap[parentIndex];
            if (parent.Deadline <= entry.Deadline)
            {
                break;
            }

            Place(index, parent);
            index = parentIndex;
        }

        Place(index, entry);
    }

    private void SiftDown(int index, TEntry entry)
    {
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && heap[child + 1].Deadline < heap[child].Deadline)
            {
                child++;
            }

            if (entry.Deadline <= heap[child].Deadline)
            {
                break;
            }

            Place(index, heap[child]);
            index = child;
        }

        Place(index, entry);
    }

    private void Place(int index, TEntry entry)
    {
        heap[index] = entry;
        entry.DeadlineIndex = index;
    }
}
