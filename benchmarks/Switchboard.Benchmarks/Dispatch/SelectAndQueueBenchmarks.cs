using CommunityToolkit.Mvvm.Messaging;
using BenchmarkDotNet.Attributes;
using Switchboard.Benchmarks.Contenders;
using Switchboard.Benchmarks.Support;

namespace Switchboard.Benchmarks.Dispatch;

/// <summary>
/// Suite 1a: one message to one gateway handler, measured until the send returns. Switchboard's send returns once
/// the message is queued (its handler runs on the shared pool); every peer runs its handler inline before returning.
/// The queue is drained between iterations, outside the measurement. "Pool busy" measures the same send while every
/// shared-pool worker is occupied (see <see cref="BusyPool"/>): the send only selects and queues, and wakes nobody.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(Invocations)]
public class SelectAndQueueBenchmarks
{
    // Each iteration queues this many deliveries at most; the gateway's queue holds them all.
    private const int Invocations = 1 << 17;

    private readonly Ping ping = new(Done: null);
    private readonly MediatorPing mediatorPing = new(Done: null);
    private readonly MediatorPingCommand mediatorCommand = new(Done: null);
    private readonly MessengerPing messengerPing = new(Done: null);
    private readonly WolverinePing wolverinePing = new(Done: null);
    private DispatchContenders contenders = null!;
    private readonly BusyPool busyPool = new();
    private long sent;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        contenders = await DispatchContenders.StartAsync(sharedQueueCapacity: 2 * Invocations);
        var report = await contenders.Gateway.SendPingAsync(ping);
        if (report is not [{ Status: DeliveryStatus.Sent, Type: DeliveryTargetType.Gateway }])
        {
            throw new InvalidOperationException("The ping did not select exactly the gateway: " + report);
        }

        sent = 1;
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => contenders.DisposeAsync();

    [IterationSetup(Target = nameof(SwitchboardPoolBusy))]
    public void OccupyPool() => busyPool.Occupy(contenders.Gateway, contenders.Gateway.Options.SharedPoolSize);

    /// <summary>Lets the shared pool finish what the iteration queued, so that the next iteration starts empty.</summary>
    [IterationCleanup]
    public void Drain()
    {
        busyPool.Release();
        Work.WaitUntilHandled(sent);
    }

    [Benchmark(Baseline = true, Description = "Direct call (the limit)")]
    public void DirectCall()
    {
        SwitchboardHandlers.OnPing(ping);
        sent++;
    }

    [Benchmark(Description = "Switchboard typed stub")]
    public DeliveryReport SwitchboardTypedStub()
    {
        sent++;
        return contenders.Gateway.SendPingAsync(ping).Result;
    }

    [Benchmark(Description = "Switchboard typed stub, pool busy")]
    public DeliveryReport SwitchboardPoolBusy()
    {
        sent++;
        return contenders.Gateway.SendPingAsync(ping).Result;
    }

    /// <summary>
    /// The same handler declared <see cref="HandlerThreading.Inline"/>: nothing is queued, the send returns once the
    /// handler has run on this thread, as every peer's does.
    /// </summary>
    [Benchmark(Description = "Switchboard typed stub, Inline handler (runs it)")]
    public DeliveryReport SwitchboardInline()
    {
        sent++;
        return contenders.Gateway.SendPingInlineAsync(ping).Result;
    }

    [Benchmark(Description = "Switchboard SendAsync(project, name)")]
    public DeliveryReport SwitchboardByName()
    {
        sent++;
        return contenders.Gateway.SendAsync("Bench", "ping", ping, Scope.Gateway).Result;
    }

    [Benchmark(Description = "Switchboard typed stub + ToStrings()")]
    public IReadOnlyList<string> SwitchboardAsStrings()
    {
        sent++;
        return contenders.Gateway.SendPingAsync(ping).Result.ToStrings();
    }

    [Benchmark(Description = "Mediator Publish")]
    public ValueTask MediatorPublish()
    {
        sent++;
        return contenders.Mediator.Publish(mediatorPing);
    }

    [Benchmark(Description = "Mediator Send")]
    public ValueTask<Mediator.Unit> MediatorSend()
    {
        sent++;
        return contenders.Mediator.Send(mediatorCommand);
    }

    [Benchmark(Description = "Mvvm StrongReferenceMessenger.Send")]
    public MessengerPing MessengerSend()
    {
        sent++;
        return contenders.Messenger.Send(messengerPing);
    }

    [Benchmark(Description = "Wolverine InvokeAsync")]
    public Task WolverineInvoke()
    {
        sent++;
        return contenders.Bus.InvokeAsync(wolverinePing);
    }
}
