using System.Collections.Concurrent;

namespace Switchboard.Network;

/// <summary>
/// Sends and requests waiting for a reply, by message id. A reply nobody waits for is counted, never an error.
/// Their deadlines are entries in the core's one <see cref="DeadlineScheduler{TEntry}"/> (the one a gateway's local
/// requests use), so that a waiting message costs a heap entry, not a timer and a timeout task of its own.
/// </summary>
internal sealed class PendingReplies : IDisposable
{
    private readonly ConcurrentDictionary<string, PendingReply> waiting = new(StringComparer.Ordinal);
    private readonly NetworkStatistics statistics;
    private readonly DeadlineScheduler<PendingReply> deadlines;

    // What waits on each gateway, so that presence losing one fails exactly those, without a scan of every waiter.
    private readonly Dictionary<string, HashSet<PendingReply>> byGateway = new(StringComparer.Ordinal);

    public PendingReplies(NetworkStatistics statistics, TimeProvider? time = null)
    {
        this.statistics = statistics;
        deadlines = new DeadlineScheduler<PendingReply>(time ?? TimeProvider.System, TimeOut);
    }

    public int Count => waiting.Count;

    /// <summary>
    /// Registers a new message id before its message is published, so that no reply can arrive unseen. The reply's
    /// task ends with the reply, with <see langword="null"/> once <paramref name="wait"/> has passed, with
    /// cancellation when <paramref name="cancellationToken"/> is cancelled, or with the exception of <see cref="FailAll"/>
    /// or <see cref="FailSilent"/>.
    /// </summary>
    /// <param name="wait">How long to wait for the reply.</param>
    /// <param name="gateway">The gateway expected to reply, so that the wait ends when presence says it is gone; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Ends the wait as cancelled.</param>
    public PendingReply Register(TimeSpan wait, string? gateway = null, CancellationToken cancellationToken = default)
    {
        PendingReply pending;
        do
        {
            pending = new PendingReply(this, MessageIds.New(), gateway);
        }
        while (!waiting.TryAdd(pending.Id, pending));

        if (gateway is not null)
        {
            Track(pending, gateway);
        }

        deadlines.Add(pending, wait);
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
    public void Remove(PendingReply pending)
    {
        waiting.TryRemove(new KeyValuePair<string, PendingReply>(pending.Id, pending));
        Untrack(pending);
        deadlines.Remove(pending);
    }

    public void Complete(ReplyEnvelope reply)
    {
        if (waiting.TryRemove(reply.Id, out var pending))
        {
            Untrack(pending);
            deadlines.Remove(pending);
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
            if (waiting.TryRemove(id, out var pending))
            {
                Untrack(pending);
                deadlines.Remove(pending);
                if (pending.TrySetException(exception))
                {
                    failed++;
                }
            }
        }

        return failed;
    }

    /// <summary>
    /// Fails, with <see cref="GatewayGoneException"/>, every waiter on a gateway that <paramref name="presence"/> says
    /// has fallen silent: its process died or hung, so no reply is coming. Costs one presence look-up per gateway that
    /// has waiters, whatever their number.
    /// </summary>
    /// <returns>How many were failed.</returns>
    public int FailSilent(PresenceView presence)
    {
        List<(HashSet<PendingReply> Waiters, TimeSpan Silence)>? gone = null;
        lock (byGateway)
        {
            foreach (var (gateway, waiters) in byGateway)
            {
                if (presence.IsSilent(gateway, out var silence))
                {
                    (gone ??= []).Add((waiters, silence));
                    byGateway.Remove(gateway);
                }
            }
        }

        var failed = 0;
        foreach (var (waiters, silence) in gone ?? [])
        {
            var exception = new GatewayGoneException(
                $"it has sent no heartbeat for {silence.TotalSeconds:0.#} s while the message was in flight; it may or may not have acted on it.");
            foreach (var pending in waiters)
            {
                if (waiting.TryRemove(new KeyValuePair<string, PendingReply>(pending.Id, pending)))
                {
                    deadlines.Remove(pending);
                    if (pending.TrySetException(exception))
                    {
                        failed++;
                    }
                }
            }
        }

        return failed;
    }

    public void Dispose() => deadlines.Dispose();

    // A reply that races with its deadline wins or loses once: the waiter's task is completed only by whoever removes
    // it from the dictionary.
    private void TimeOut(List<PendingReply> expired)
    {
        foreach (var pending in expired)
        {
            if (waiting.TryRemove(new KeyValuePair<string, PendingReply>(pending.Id, pending)))
            {
                Untrack(pending);
                pending.TrySetResult(null);
            }
        }
    }

    private void Track(PendingReply pending, string gateway)
    {
        lock (byGateway)
        {
            if (!byGateway.TryGetValue(gateway, out var waiters))
            {
                byGateway[gateway] = waiters = [];
            }

            waiters.Add(pending);
        }
    }

    // An empty set goes at once, so that names of gateways nothing waits on do not pile up.
    private void Untrack(PendingReply pending)
    {
        if (pending.Gateway is not { } gateway)
        {
            return;
        }

        lock (byGateway)
        {
            if (byGateway.TryGetValue(gateway, out var waiters) && waiters.Remove(pending) && waiters.Count == 0)
            {
                byGateway.Remove(gateway);
            }
        }
    }
}

/// <summary>
/// One message waiting for its reply. Its task ends with the reply, or with <see langword="null"/> when its deadline
/// passed; continuations run on the thread pool, never on the inbound worker that completes it.
/// </summary>
internal sealed class PendingReply(PendingReplies owner, string id, string? gateway)
    : TaskCompletionSource<ReplyEnvelope?>(TaskCreationOptions.RunContinuationsAsynchronously), IScheduledDeadline
{
    private readonly PendingReplies owner = owner;
    private CancellationTokenRegistration cancellation;

    public string Id { get; } = id;

    /// <summary>The gateway expected to reply, or <see langword="null"/>.</summary>
    public string? Gateway { get; } = gateway;

    /// <inheritdoc />
    public long Deadline { get; set; } = long.MaxValue;

    /// <inheritdoc />
    public int DeadlineIndex { get; set; } = -1;

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
