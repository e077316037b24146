using System.Diagnostics;

namespace Switchboard;

/// <summary>
/// The timeouts of one gateway's pending requests, on one timer: a min-heap of deadlines, and a timer armed for the
/// earliest. A request that completes leaves the heap at once, so the heap holds only what is pending.
/// </summary>
/// <remarks>
/// <para>Per request this costs an insertion and a removal under the gateway's one lock, held only for a heap
/// insertion or removal and shared by every caller of that gateway (a request's deadline is usually
/// the latest, so the insertion stops at once), instead of a timer and a linked token source. The timer is re-armed
/// only when a new deadline is earlier than the one it is armed for; when it fires for a request that has completed,
/// it re-arms for the earliest pending one. Timeouts keep the timer's precision: it fires at the earliest deadline,
/// not on a coarse tick.</para>
/// <para>When it fires, every expired caller is answered first, and only then are the handlers' tokens signalled,
/// because a handler's cancellation callbacks are user code that may take its time.</para>
/// </remarks>
internal sealed class RequestDeadlines
{
    // Timer.Change takes at most 0xFFFFFFFE milliseconds; a later deadline is reached by re-arming.
    private const double MaxDueMilliseconds = 0xFFFFFFFE;

    private readonly object gate = new();
    private RequestCompletion[] heap = new RequestCompletion[8];
    private int count;
    private Timer? timer;

    // When the timer will fire (Stopwatch ticks), or long.MaxValue when it is not armed.
    private long armedFor = long.MaxValue;

    /// <summary>How many requests wait for their deadline.</summary>
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

    /// <summary>Sets the request's deadline to now plus its timeout, and arms the timer if it is the earliest.</summary>
    public void Add(RequestCompletion request)
    {
        lock (gate)
        {
            var now = Stopwatch.GetTimestamp();
            request.Deadline = DeadlineAfter(now, request.Timeout);
            if (count == heap.Length)
            {
                Array.Resize(ref heap, heap.Length * 2);
            }

            SiftUp(count++, request);
            if (request.Deadline < armedFor)
            {
                Arm(request.Deadline, now);
            }
        }
    }

    /// <summary>Forgets the request's deadline; does nothing if it has none (any more).</summary>
    public void Remove(RequestCompletion request)
    {
        lock (gate)
        {
            if (request.DeadlineIndex >= 0)
            {
                RemoveAt(request.DeadlineIndex);
            }
        }
    }

    private static long DeadlineAfter(long now, TimeSpan timeout)
    {
        // A timeout too long to count in ticks never comes.
        var ticks = timeout.TotalSeconds * Stopwatch.Frequency;
        return ticks < long.MaxValue - now ? now + (long)Math.Ceiling(ticks) : long.MaxValue;
    }

    private void Arm(long deadline, long now)
    {
        if (deadline == long.MaxValue)
        {
            return;
        }

        var dueMilliseconds = Math.Clamp(Math.Ceiling((deadline - now) * 1000.0 / Stopwatch.Frequency), 1, MaxDueMilliseconds);
        armedFor = Math.Min(deadline, now + (long)(dueMilliseconds * Stopwatch.Frequency / 1000.0));
        (timer ??= CreateTimer()).Change(TimeSpan.FromMilliseconds(dueMilliseconds), System.Threading.Timeout.InfiniteTimeSpan);
    }

    private Timer CreateTimer()
    {
        // The timer must not capture the first requester's execution context (its async locals, its activity).
        if (ExecutionContext.IsFlowSuppressed())
        {
            return NewTimer();
        }

        using (ExecutionContext.SuppressFlow())
        {
            return NewTimer();
        }
    }

    private Timer NewTimer() =>
        new(static state => ((RequestDeadlines)state!).OnTimer(), this, System.Threading.Timeout.Infinite, System.Threading.Timeout.Infinite);

    private void OnTimer()
    {
        List<RequestCompletion>? expired = null;
        lock (gate)
        {
            armedFor = long.MaxValue;
            var now = Stopwatch.GetTimestamp();
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

        if (expired is null)
        {
            return;
        }

        // Callers first: none of them waits behind a handler's cancellation callback.
        expired.RemoveAll(request => !request.TryTimeOut());
        foreach (var request in expired)
        {
            try
            {
                request.SignalHandler();
            }
            catch (AggregateException)
            {
                // A callback the handler registered on its token threw. That is the handler's affair, and it must not
                // keep the other handlers here from being signalled.
            }
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

    private void SiftUp(int index, RequestCompletion request)
    {
        while (index > 0)
        {
            var parentIndex = (index - 1) / 2;
            var parent = heap[parentIndex];
            if (parent.Deadline <= request.Deadline)
            {
                break;
            }

            Place(index, parent);
            index = parentIndex;
        }

        Place(index, request);
    }

    private void SiftDown(int index, RequestCompletion request)
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

            if (request.Deadline <= heap[child].Deadline)
            {
                break;
            }

            Place(index, heap[child]);
            index = child;
        }

        Place(index, request);
    }

    private void Place(int index, RequestCompletion request)
    {
        heap[index] = request;
        request.DeadlineIndex = index;
    }
}
