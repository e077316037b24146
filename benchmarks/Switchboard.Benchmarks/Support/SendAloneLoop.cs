using System.Diagnostics;
using Switchboard.Benchmarks.Contenders;

namespace Switchboard.Benchmarks.Support;

/// <summary>
/// Row 1a's "pool busy" send in a plain loop, for a sampling profiler (perf): every shared-pool worker is held, so
/// the sending thread only selects and queues, as in the row; the pool drains between batches, outside the timing.
/// Run as <c>Switchboard.Benchmarks send-alone-loop [seconds]</c>; it prints the median time per send of the batches
/// after the first ten (the JIT's tiers settle in those).
/// </summary>
public static class SendAloneLoop
{
    private const int Batch = 1 << 17;

    public static async Task RunAsync(double seconds)
    {
        await using var gateway = new Gateway("send-alone", new GatewayOptions { SharedQueueCapacity = 2 * Batch });
        gateway.AddProject(BenchMessages.Registry);
        var ping = new Ping(Done: null);
        var pool = new BusyPool();
        var perSend = new List<double>();
        var sent = Work.Handled;
        var end = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < end)
        {
            pool.Occupy(gateway, gateway.Options.SharedPoolSize);
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < Batch; i++)
            {
                _ = gateway.SendPingAsync(ping).Result;
            }

            perSend.Add(Stopwatch.GetElapsedTime(start).TotalNanoseconds / Batch);
            sent += Batch;
            pool.Release();
            Work.WaitUntilHandled(sent);
        }

        var settled = perSend.Skip(10).Order().ToList();
        Console.WriteLine(settled.Count == 0
            ? $"{perSend.Count} batches: run longer than {seconds} s to get past the first ten"
            : $"send alone, pool busy: median {settled[settled.Count / 2]:F1} ns per send over {settled.Count} batches of {Batch}");
    }
}
