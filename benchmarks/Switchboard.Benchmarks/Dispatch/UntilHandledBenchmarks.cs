using CommunityToolkit.Mvvm.Messaging;
using BenchmarkDotNet.Attributes;
using Switchboard.Benchmarks.Contenders;
using Switchboard.Benchmarks.Support;

namespace Switchboard.Benchmarks.Dispatch;

/// <summary>
/// Suite 1b: one message to one gateway handler, measured until the handler has run. Every handler signals the same
/// <see cref="HandledSignal"/>; for the inline peers the wait completes at once, for Switchboard it spans the hop to
/// the shared pool and back.
/// </summary>
[MemoryDiagnoser]
public class UntilHandledBenchmarks
{
    private readonly HandledSignal done = new();
    private Ping ping = null!;
    private MediatorPing mediatorPing = null!;
    private MediatorPingCommand mediatorCommand = null!;
    private MessengerPing messengerPing = null!;
    private WolverinePing wolverinePing = null!;
    private DispatchContenders contenders = null!;
    private PingWorkItem pingWorkItem = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        ping = new(done);
        pingWorkItem = new(ping);
        mediatorPing = new(done);
        mediatorCommand = new(done);
        messengerPing = new(done);
        wolverinePing = new(done);
        contenders = await DispatchContenders.StartAsync(sharedQueueCapacity: 1024);
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => contenders.DisposeAsync();

    [Benchmark(Baseline = true, Description = "Direct call (the limit)")]
    public ValueTask DirectCall()
    {
        done.Arm();
        SwitchboardHandlers.OnPing(ping);
        return done.WaitAsync();
    }

    [Benchmark(Description = "Switchboard typed stub")]
    public ValueTask SwitchboardTypedStub()
    {
        done.Arm();
        _ = contenders.Gateway.SendPingAsync(ping).Result;
        return done.WaitAsync();
    }

    /// <summary>The same handler declared <see cref="HandlerThreading.Inline"/>: run on the sender's thread, no hop.</summary>
    [Benchmark(Description = "Switchboard typed stub, Inline handler")]
    public ValueTask SwitchboardTypedStubInline()
    {
        done.Arm();
        _ = contenders.Gateway.SendPingInlineAsync(ping).Result;
        return done.WaitAsync();
    }

    /// <summary>
    /// Not a peer but a floor: the handler run by one bare thread-pool work item, the least any handler that does not
    /// run on the sender's thread pays for the hop there and for waking the waiting caller.
    /// </summary>
    [Benchmark(Description = "One thread-pool work item (the floor of a hop)")]
    public ValueTask ThreadPoolHop()
    {
        done.Arm();
        ThreadPool.UnsafeQueueUserWorkItem(pingWorkItem, preferLocal: false);
        return done.WaitAsync();
    }

    [Benchmark(Description = "Mediator Publish")]
    public ValueTask MediatorPublish()
    {
        done.Arm();
        return ThenHandled(contenders.Mediator.Publish(mediatorPing));
    }

    [Benchmark(Description = "Mediator Send")]
    public ValueTask MediatorSend()
    {
        done.Arm();
        var sending = contenders.Mediator.Send(mediatorCommand);
        return sending.IsCompletedSuccessfully ? done.WaitAsync() : ThenHandled(sending.AsTask());
    }

    [Benchmark(Description = "Mvvm StrongReferenceMessenger.Send")]
    public ValueTask MessengerSend()
    {
        done.Arm();
        contenders.Messenger.Send(messengerPing);
        return done.WaitAsync();
    }

    [Benchmark(Description = "Wolverine InvokeAsync")]
    public ValueTask WolverineInvoke()
    {
        done.Arm();
        return ThenHandled(new ValueTask(contenders.Bus.InvokeAsync(wolverinePing)));
    }

    // Every contender's benchmark has the same shape: no async state machine unless its send really is pending.
    private ValueTask ThenHandled(ValueTask sending) => sending.IsCompletedSuccessfully ? done.WaitAsync() : AwaitBoth(sending);

    private ValueTask ThenHandled(Task sending) => ThenHandled(new ValueTask(sending));

    private async ValueTask AwaitBoth(ValueTask sending)
    {
        await sending;
        await done.WaitAsync();
    }

    private sealed class PingWorkItem(Ping ping) : IThreadPoolWorkItem
    {
        public void Execute() => SwitchboardHandlers.OnPing(ping);
    }
}
