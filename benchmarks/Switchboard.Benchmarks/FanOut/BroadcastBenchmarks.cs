using BenchmarkDotNet.Attributes;
using Switchboard.Benchmarks.Contenders;
using Switchboard.Benchmarks.Support;

namespace Switchboard.Benchmarks.FanOut;

/// <summary>
/// Suite 3b: a send to every session (scope S, no filter), measured until every session's handler has run. This one
/// grows with the number of sessions by nature; the per-session cost is the figure to watch.
/// </summary>
[MemoryDiagnoser]
public class BroadcastBenchmarks
{
    private readonly HandledSignal done = new();
    private Ping ping = null!;
    private Gateway gateway = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Sessions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        ping = new(done);
        gateway = FanOutGateway.Create(Sessions, sharedQueueCapacity: 2 * Sessions);
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => gateway.DisposeAsync();

    [Benchmark(Description = "broadcast to all sessions, until all handled")]
    public ValueTask Broadcast()
    {
        done.Arm(Sessions);
        var report = gateway.SendNotifyAsync(ping).Result;
        if (report.Count != Sessions)
        {
            throw new InvalidOperationException($"The broadcast reached {report.Count} of {Sessions} sessions.");
        }

        return done.WaitAsync();
    }
}
