using BenchmarkDotNet.Attributes;
using Switchboard.Benchmarks.Contenders;
using Switchboard.Benchmarks.Support;

namespace Switchboard.Benchmarks.FanOut;

/// <summary>
/// Suite 3c: a request-all to every session (scope S, no filter) until every answer is gathered, beside a broadcast
/// send to the same sessions until every handler has run (the baseline). Both handlers do the same work; the
/// difference is what answering costs: a slot per target, the answer's conversion, and the report.
/// </summary>
[MemoryDiagnoser]
public class RequestAllBenchmarks
{
    private readonly HandledSignal done = new();
    private readonly Ping unsignalled = new(null);
    private Ping ping = null!;
    private Gateway gateway = null!;

    [Params(1_000, 10_000)]
    public int Sessions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        ping = new(done);
        gateway = FanOutGateway.Create(Sessions, sharedQueueCapacity: 2 * Sessions);
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => gateway.DisposeAsync();

    [Benchmark(Baseline = true, Description = "broadcast send to all sessions, until all handled")]
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

    [Benchmark(Description = "request-all to all sessions, until all answers gathered")]
    public async Task<int> RequestAll()
    {
        var report = await gateway.RequestLoadAllAsync(unsignalled).ConfigureAwait(false);
        if (report.Count != Sessions || !report.AllAnswered)
        {
            throw new InvalidOperationException($"The request-all gathered {report.CountOf(RequestAllStatus.Answered)} answers of {Sessions} sessions.");
        }

        return report.Count;
    }

    [Benchmark(Description = "request-all streamed, until the last answer")]
    public async Task<int> RequestAllStreamed()
    {
        var answers = 0;
        await foreach (var result in gateway.RequestLoadAllStreamAsync(unsignalled).ConfigureAwait(false))
        {
            answers += result.Response;
        }

        if (answers != Sessions)
        {
            throw new InvalidOperationException($"The stream gave {answers} answers of {Sessions} sessions.");
        }

        return answers;
    }
}
