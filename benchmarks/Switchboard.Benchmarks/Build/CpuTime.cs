using System.Collections.Concurrent;

namespace Switchboard.Benchmarks.Build;

/// <summary>
/// The CPU time of each invocation of a benchmark (user and system time of every thread of the process, from
/// <see cref="Environment.CpuUsage"/>), which <see cref="CpuTimeColumn"/> reports beside the wall time. A compile keeps
/// both cores busy, so its wall time counts only part of its work and, on a shared machine, also the turns other
/// processes take; CPU time is what the whole-build measurements in docs/benchmarks.md compare. In process only
/// (<c>--inProcess</c>): the samples stay in the process that ran the benchmark.
/// </summary>
public static class CpuTime
{
    private static readonly ConcurrentDictionary<string, List<double>> Samples = new(StringComparer.Ordinal);

    /// <summary>Whether <see cref="Measure{T}"/> keeps what it measures (off while a setup warms up).</summary>
    public static bool Recording { get; set; } = true;

    /// <summary>Runs <paramref name="invocation"/> and keeps its CPU time, in milliseconds, under <paramref name="benchmark"/>.</summary>
    public static T Measure<T>(string benchmark, Func<T> invocation)
    {
        var before = Environment.CpuUsage.TotalTime;
        var result = invocation();
        var elapsed = Environment.CpuUsage.TotalTime - before;
        if (Recording)
        {
            var samples = Samples.GetOrAdd(benchmark, _ => []);
            lock (samples)
            {
                samples.Add(elapsed.TotalMilliseconds);
            }
        }

        return result;
    }

    /// <summary>The samples kept for <paramref name="benchmark"/>, in the order its invocations ran.</summary>
    public static IReadOnlyList<double> Of(string benchmark)
    {
        if (!Samples.TryGetValue(benchmark, out var samples))
        {
            return [];
        }

        lock (samples)
        {
            return [.. samples];
        }
    }
}
