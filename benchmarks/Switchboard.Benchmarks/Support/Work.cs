namespace Switchboard.Benchmarks.Support;

/// <summary>The body every contender's handler runs: the same tiny, observable piece of work for all of them.</summary>
public static class Work
{
    private static long total;

    /// <summary>How many handler calls have run, over every contender.</summary>
    public static long Handled => Interlocked.Read(ref total);

    /// <summary>Counts one handler call; an atomic add so that handlers on worker threads are counted too.</summary>
    public static void Handle() => Interlocked.Increment(ref total);

    /// <summary>Waits until <see cref="Handled"/> reaches <paramref name="expected"/>, for draining queues between iterations.</summary>
    /// <exception cref="TimeoutException">The handlers did not catch up within 30 s.</exception>
    public static void WaitUntilHandled(long expected)
    {
        var deadline = Environment.TickCount64 + 30_000;
        var spinner = new SpinWait();
        while (Handled < expected)
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException($"Only {Handled} of {expected} deliveries were handled within 30 s.");
            }

            spinner.SpinOnce();
        }
    }
}
