using CommunityToolkit.Mvvm.Messaging;
using BenchmarkDotNet.Attributes;
using Switchboard.Benchmarks.Contenders;
using Switchboard.Benchmarks.Dispatch;

namespace Switchboard.Benchmarks.Requests;

/// <summary>
/// Suite 2: a request to one gateway handler and its response back. Switchboard queues the request for the shared
/// pool and completes a task from there (Ignition's sendRequest, with a timeout); the peers answer inline.
/// </summary>
[MemoryDiagnoser]
public class RequestRoundTripBenchmarks
{
    private const int AwaitedInARow = 100;

    private readonly Add add = new(2, 3);
    private readonly MediatorAdd mediatorAdd = new(2, 3);
    private readonly WolverineAdd wolverineAdd = new(2, 3);
    private DispatchContenders contenders = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        contenders = await DispatchContenders.StartAsync(sharedQueueCapacity: 1024);
        var sum = await contenders.Gateway.RequestAddAsync(add);
        if (sum != 5)
        {
            throw new InvalidOperationException($"add(2, 3) answered {sum}.");
        }
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => contenders.DisposeAsync();

    [Benchmark(Baseline = true, Description = "Direct call (the limit)")]
    public int DirectCall() => SwitchboardHandlers.OnAdd(add);

    [Benchmark(Description = "Switchboard typed stub")]
    public Task<int> SwitchboardTypedStub() => contenders.Gateway.RequestAddAsync(add);

    [Benchmark(Description = "Switchboard SendRequestAsync<int>(project, name)")]
    public Task<int> SwitchboardByName() => contenders.Gateway.SendRequestAsync<int>("Bench", "add", add);

    /// <summary>
    /// The typed stub awaited by an async caller, as application code does: the caller's continuation runs on the
    /// thread pool, not on the gateway's worker (so that it cannot hold up handlers). The difference to the row above
    /// is what that hop costs; the rows above wait by blocking, which the worker signals directly.
    /// </summary>
    [Benchmark(Description = "Switchboard typed stub, awaited")]
    public async Task<int> SwitchboardTypedStubAwaited() => await contenders.Gateway.RequestAddAsync(add).ConfigureAwait(false);

    /// <summary>
    /// An async caller awaiting one request after another, per request: unlike the row above, no thread blocks and
    /// waits to be woken between requests, so this is what a request costs inside async application code.
    /// </summary>
    [Benchmark(OperationsPerInvoke = AwaitedInARow, Description = "Switchboard typed stub, awaited 100 in a row (per request)")]
    public async Task<int> SwitchboardTypedStubAwaitedInARow()
    {
        var sum = 0;
        for (var i = 0; i < AwaitedInARow; i++)
        {
            sum += await contenders.Gateway.RequestAddAsync(add).ConfigureAwait(false);
        }

        return sum;
    }

    /// <summary>The same handler declared <see cref="HandlerThreading.Inline"/>: answered on the asking thread, no hop.</summary>
    [Benchmark(Description = "Switchboard typed stub, Inline handler, awaited")]
    public async Task<int> SwitchboardTypedStubInlineAwaited() => await contenders.Gateway.RequestAddInlineAsync(add).ConfigureAwait(false);

    [Benchmark(Description = "Mediator Send")]
    public ValueTask<int> MediatorSend() => contenders.Mediator.Send(mediatorAdd);

    [Benchmark(Description = "Mvvm request message")]
    public int MessengerRequest() => contenders.Messenger.Send(new MessengerAdd(2, 3)).Response;

    [Benchmark(Description = "Wolverine InvokeAsync<T>")]
    public Task<WolverineSum> WolverineInvoke() => contenders.Bus.InvokeAsync<WolverineSum>(wolverineAdd);
}
