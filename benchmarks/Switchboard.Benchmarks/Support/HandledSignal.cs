using System.Threading.Tasks.Sources;

namespace Switchboard.Benchmarks.Support;

/// <summary>
/// A reusable, allocation-free "the handler has run" signal. Every contender's handler calls <see cref="Signal"/>
/// exactly once per delivery, so the signal costs the same for all of them; only whether the caller has to wait
/// for another thread differs.
/// </summary>
public sealed class HandledSignal : IValueTaskSource
{
    // Continuations run inline on the signalling thread: the lowest latency a waiter can get.
    private ManualResetValueTaskSourceCore<bool> core = new() { RunContinuationsAsynchronously = false };
    private int remaining;

    /// <summary>Prepares for the next wait, which completes after <paramref name="deliveries"/> signals.</summary>
    public void Arm(int deliveries = 1)
    {
        core.Reset();
        Volatile.Write(ref remaining, deliveries);
    }

    /// <summary>Called by a handler when it has run.</summary>
    public void Signal()
    {
        if (Interlocked.Decrement(ref remaining) == 0)
        {
            core.SetResult(true);
        }
    }

    /// <summary>Completes when every armed delivery has signalled.</summary>
    public ValueTask WaitAsync() => new(this, core.Version);

    void IValueTaskSource.GetResult(short token) => core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        core.OnCompleted(continuation, state, token, flags);
}
