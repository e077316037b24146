using System.Collections.Concurrent;

namespace Switchboard.Network;

/// <summary>
/// Sends and requests waiting for a reply, by message id. A reply nobody waits for is counted, never an error.
/// Deadlines are kept by one shared timer that wakes at the earliest deadline and times out what is due, so that a
/// waiting message costs an entry, not a timer and a timeout task of its own.
/// </summary>
internal sealed class PendingReplies : IDisposable
{
    private readonly ConcurrentDictionary<string, PendingReply> waiting = new(StringComparer.Ordinal);
    private readonly NetworkStatistics statistics;
    private readonly Timer sweepTimer;
    private readonly object scheduling = new();

    // When the sweep timer fires next, in Environment.TickCount64 milliseconds; long.MaxValue when it is not armed.
    private long nextSweep = long.MaxValue;

    public PendingReplies(NetworkStatistics statistics)
    {
        this.statistics = statistics;
        sweepTimer = new Timer(static state => ((PendingReplies)state!).Sweep(), this, Timeout.Infinite, Timeout.Infinite);
    }

    private const long MaxTimerDue = 0xFFFFFFFE;

    public int Count => waiting.Count;

    /// <summary>
    /// Registers a new message id before its message is published, so that no reply can arrive unseen. The reply's
    /// task ends with the reply, with <see langword="null"/> once <paramref name="wait"/> has passed, with
    /// cancellation when <paramref name="cancellationToken"/> is cancelled, or with the exception of <see cref="FailAll"/>.
    /// </summary>
    public PendingReply Register(TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var deadline = wait == Timeout.InfiniteTimeSpan || wait.TotalMilliseconds >= long.MaxValue / 2
            ? long.MaxValue
            : Environment.TickCount64 + (long)Math.Ceiling(wait.TotalMilliseconds);
        PendingReply pending;
        do
        {
            pending = new PendingReply(this, MessageIds.New(), deadline);
        }
        while (!waiting.TryAdd(pending.Id, pending));

        if (deadline != long.MaxValue && deadline < Volatile.Read(ref nextSweep))
        {
            Schedule(deadline);
        }

        if (cancellationToken.CanBeCanceled)
        {
            pending.ListenFor(cancellationToken);
        }

        return pending;
    }

    /// <summary>Stops waiting for <paramref name="pending"/>; a reply that arrives later is counted as unmatched.</summary>
    public void Forget(PendingReply pending)
    {
        Remove(pending);
        pending.StopListening();
    }

    /// <summary>Takes <paramref name="pending"/> out of the waiting set without completing it.</summary>
    public void Remove(PendingReply pending) => waiting.TryRemove(new KeyValuePair<string, PendingReply>(pending.Id, pending));

    public void Complete(Envelope reply)
    {
        if (reply.Id is { } id && waiting.TryRemove(id, out var pending))
        {
            pending.TrySetResult(reply);
        }
        else
        {
            statistics.CountUnmatched();
        }
    }

    /// <summary>Fails every waiter, for a lost connection or a closing network.</summary>
    /// <returns>How many were waiting.</returns>
    public int FailAll(Exception exception)
    {
        var failed = 0;
        foreach (var id in waiting.Keys)
        {
            if (waiting.TryRemove(id, out var pending) && pending.TrySetException(exception))
            {
                failed++;
            }
        }

        return failed;
    }

    public void Dispose() => sweepTimer.Dispose();

    private void Schedule(long deadline)
    {
        lock (scheduling)
        {
            if (deadline >= nextSweep)
            {
                return;
            }

            nextSweep = deadline;
            try
            {
                // A timer takes at most 0xFFFFFFFE ms (about 49.7 days); a later deadline wakes the sweep early, which re-arms.
                sweepTimer.Change(Math.Clamp(deadline - Environment.TickCount64, 0, MaxTimerDue), Timeout.Infinite);
            }
            catch (ObjectDisposedException)
            {
                // The network is closed: its transport refuses to publish, so nothing registered now waits for a reply.
            }
        }
    }

    // Times out what is due and arms the timer for the earliest deadline still waiting. A reply that races with its
    // deadline wins or loses once: the waiter's task is completed only by whoever removes it from the dictionary.
    private void Sweep()
    {
        lock (scheduling)
        {
            nextSweep = long.MaxValue;
        }

        var now = Environment.TickCount64;
        var earliest = long.MaxValue;
        foreach (var (id, pending) in waiting)
        {
            if (pending.Deadline <= now)
            {
                if (waiting.TryRemove(new KeyValuePair<string, PendingReply>(id, pending)))
                {
                    pending.TrySetResult(null);
                }
            }
            else if (pending.Deadline < earliest)
            {
                earliest = pending.Deadline;
            }
        }

        if (earliest != long.MaxValue)
        {
            Schedule(earliest);
        }
    }
}

/// <summary>
/// One message waiting for its reply. Its task ends with the reply, or with <see langword="null"/> when its deadline
/// passed; continuations run on the thread pool, never on the inbound worker that completes it.
/// </summary>
internal sealed class PendingReply(PendingReplies owner, string id, long deadline)
    : TaskCompletionSource<Envelope?>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    private readonly PendingReplies owner = owner;
    private CancellationTokenRegistration cancellation;

    public string Id { get; } = id;

    /// <summary>When it times out, in <see cref="Environment.TickCount64"/> milliseconds; <see cref="long.MaxValue"/> for never.</summary>
    public long Deadline { get; } = deadline;

    public void ListenFor(CancellationToken cancellationToken) =>
        cancellation = cancellationToken.UnsafeRegister(
            static (state, token) =>
            {
                var pending = (PendingReply)state!;
                pending.owner.Remove(pending);
                pending.TrySetCanceled(token);
            },
            this);

    public void StopListening() => cancellation.Dispose();
}

/// <summary>
/// Message ids: unique without coordination, and cheap. A random 64-bit prefix per process (so that ids from
/// different processes do not meet) and a counter; a node id is a GUID.
/// </summary>
internal static class MessageIds
{
    private static readonly string ProcessPrefix = Random.Shared.NextInt64().ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    private static long counter;

    public static string New()
    {
        var sequence = (ulong)Interlocked.Increment(ref counter);
        return string.Create(ProcessPrefix.Length + 1 + 16, sequence, static (span, value) =>
        {
            ProcessPrefix.AsSpan().CopyTo(span);
            span[ProcessPrefix.Length] = '-';
            value.TryFormat(span[(ProcessPrefix.Length + 1)..], out _, "x16", System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    public static string NewNodeId() => Guid.NewGuid().ToString("N");
}
