using System.Diagnostics;
using Switchboard.Benchmarks.Contenders;

namespace Switchboard.Benchmarks.Network;

/// <summary>
/// Row 4d's <c>SendMessage</c> loop in a plain loop, for a sampling profiler (perf, scripts/profile-remote-loop.sh):
/// batches of 1,000 <c>SendMessage</c> calls with <c>remoteServers</c>, each timed until the receiving gateway has
/// handled the whole batch, both gateways in this process on their own Redis connections (as in the suite). Run as
/// <c>Switchboard.Benchmarks remote-loop [seconds] [warm-up seconds]</c>: after the warm-up (the JIT's tiers settle
/// in it) it prints a line that starts with <c>warmed up</c>, then runs for the given seconds and prints the median
/// time per message of those batches, the messages per second and the process CPU per message.
/// </summary>
public static class RemoteLoop
{
    private const int Batch = 1_000;

    public static async Task RunAsync(double seconds, double warmUpSeconds)
    {
        await using var pair = await RedisPair.StartAsync();
        var dictionaryPing = new Dictionary<string, object?> { ["sequence"] = 1 };

        async Task<List<double>> Loop(double forSeconds)
        {
            var perMessage = new List<double>();
            var end = Stopwatch.GetTimestamp() + (long)(forSeconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                SwitchboardHandlers.RemoteDone.Arm(Batch);
                for (var i = 0; i < Batch; i++)
                {
                    pair.Sender.SendMessage("Bench", "remotePing", dictionaryPing, remoteServers: pair.ToReceiver);
                }

                await SwitchboardHandlers.RemoteDone.WaitAsync().ConfigureAwait(false);
                perMessage.Add(Stopwatch.GetElapsedTime(start).TotalNanoseconds / Batch);
            }

            return perMessage;
        }

        var warmUp = await Loop(warmUpSeconds).ConfigureAwait(false);
        Console.WriteLine(FormattableString.Invariant($"warmed up: {warmUp.Count} batches of {Batch}; now {seconds} s"));
        Console.Out.Flush();

        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var (gen0, gen1, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var clock = Stopwatch.StartNew();
        var measured = await Loop(seconds).ConfigureAwait(false);
        clock.Stop();
        process.Refresh();
        var messages = measured.Count * (double)Batch;
        measured.Sort();
        Console.WriteLine(FormattableString.Invariant(
            $"remote SendMessage loop: median {measured[measured.Count / 2]:F0} ns wall per message over {measured.Count} batches of {Batch}; {messages / clock.Elapsed.TotalSeconds:F0} messages/s; {(process.TotalProcessorTime - cpu).TotalNanoseconds / messages:F0} ns process CPU per message"));
        Console.WriteLine(FormattableString.Invariant(
            $"allocated {(GC.GetTotalAllocatedBytes(precise: false) - allocated) / messages:F0} B per message; collections gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}; GC pauses {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms in {clock.Elapsed.TotalSeconds:F1} s"));
    }
}
