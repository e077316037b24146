using BenchmarkDotNet.Attributes;
using Switchboard.Benchmarks.Contenders;
using Switchboard.Benchmarks.Support;

namespace Switchboard.Benchmarks.FanOut;

/// <summary>
/// Suite 3a: a send whose filter matches 10 sessions, among 1,000 to 100,000, measured until the send returns
/// (selected and queued). The selection is indexed, so the time should not grow with the number of sessions.
/// The queue is drained between iterations, outside the measurement.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(Invocations)]
public class SelectiveFanOutBenchmarks
{
    private const int Invocations = 1 << 13;

    private readonly Ping ping = new(Done: null);
    private Gateway gateway = null!;
    private long queued;

    [Params(1_000, 10_000, 100_000)]
    public int Sessions { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        gateway = FanOutGateway.Create(Sessions, sharedQueueCapacity: 2 * FanOutGateway.Matching * Invocations);
        foreach (var report in new[] { await ByUser(), await ByRole(), await ByHostName() })
        {
            if (report.Count != FanOutGateway.Matching || !report.AllSent)
            {
                throw new InvalidOperationException($"A selective filter reached {report.Count} sessions, not {FanOutGateway.Matching}.");
            }
        }
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => gateway.DisposeAsync();

    [IterationCleanup]
    public void Drain() => Work.WaitUntilHandled(queued);

    [Benchmark(Description = "user = alice")]
    public ValueTask<DeliveryReport> ByUser()
    {
        queued += FanOutGateway.Matching;
        return gateway.SendNotifyAsync(ping, user: "alice");
    }

    [Benchmark(Description = "hasRole = supervisor")]
    public ValueTask<DeliveryReport> ByRole()
    {
        queued += FanOutGateway.Matching;
        return gateway.SendNotifyAsync(ping, hasRole: "supervisor");
    }

    [Benchmark(Description = "hostName = panel-7")]
    public ValueTask<DeliveryReport> ByHostName()
    {
        queued += FanOutGateway.Matching;
        return gateway.SendNotifyAsync(ping, hostName: "panel-7");
    }
}
