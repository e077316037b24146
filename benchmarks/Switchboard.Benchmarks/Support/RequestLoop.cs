using System.Diagnostics;
using Switchboard.Benchmarks.Contenders;

namespace Switchboard.Benchmarks.Support;

/// <summary>
/// Row 2's "awaited 100 in a row" request in a plain loop, for a sampling profiler (perf): an async caller awaits one
/// typed request after another to a Shared gateway handler, as the row does. Run as
/// <c>Switchboard.Benchmarks request-loop [seconds]</c>; it prints the median time per request of the batches after
/// the first ten (the JIT's tiers settle in those).
/// </summary>
public static class RequestLoop
{
    private const int Batch = 1 << 14;

    public static async Task RunAsync(double seconds)
    {
        await using var gateway = new Gateway("request-loop", new GatewayOptions { SharedQueueCapacity = 1024 });
        gateway.AddProject(BenchMessages.Registry);
        var add = new Add(2, 3);
        var perRequest = new List<double>();
        var end = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < end)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < Batch; i++)
            {
                _ = await gateway.RequestAddAsync(add).ConfigureAwait(false);
            }

            perRequest.Add(Stopwatch.GetElapsedTime(start).TotalNanoseconds / Batch);
        }

        var settled = perRequest.Skip(10).Order().ToList();
        Console.WriteLine(settled.Count == 0
            ? $"{perRequest.Count} batches: run longer than {seconds} s to get past the first ten"
            : $"request awaited in a row: median {settled[settled.Count / 2]:F1} ns per request over {settled.Count} batches of {Batch}");
    }
}
