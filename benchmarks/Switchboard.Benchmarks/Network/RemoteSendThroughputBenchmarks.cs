using BenchmarkDotNet.Attributes;
using StackExchange.Redis;
using Switchboard.Benchmarks.Contenders;

namespace Switchboard.Benchmarks.Network;

/// <summary>
/// Suite 4a: remote sends through a local redis-server, per message, measured from the first send of a batch until
/// the receiving side has handled the whole batch. The limit is a raw StackExchange.Redis PUBLISH of the very bytes
/// Switchboard puts on the wire, to a subscriber that only counts. Throughput is one over the mean. The typed stub runs
/// twice: awaiting each receiver's results (<see cref="Switchboard.Network.GatewayNetworkOptions.ConfirmRemoteSends"/>,
/// the default) and completing once published to the listening receiver (the option off, as Ignition's sendMessage);
/// and once more on a network with a <see cref="Switchboard.Network.GatewayNetworkOptions.NetworkKey"/>, every message signed and verified.
/// </summary>
[MemoryDiagnoser]
public class RemoteSendThroughputBenchmarks
{
    private const int Batch = 1_000;
    private static readonly RedisChannel RawChannel = RedisChannel.Literal("bench:raw");

    private readonly RemotePing ping = new(1);
    private readonly Dictionary<string, object?> dictionaryPing = new() { ["sequence"] = 1 };
    private readonly Task[] pending = new Task[Batch];
    private RedisPair pair = null!;
    private ISubscriber publisher = null!;
    private byte[] wireBytes = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        pair = await RedisPair.StartAsync();
        wireBytes = await pair.CaptureWireBytesAsync((sender, servers) => sender.SendRemotePingAsync(ping, remoteServers: servers).AsTask());
        await pair.Subscriber.GetSubscriber().SubscribeAsync(RawChannel, (_, _) => SwitchboardHandlers.RemoteDone.Signal());
        publisher = pair.Publisher.GetSubscriber();

        SwitchboardHandlers.RemoteDone.Arm(1);
        var report = await pair.Sender.SendRemotePingAsync(ping, remoteServers: pair.ToReceiver);
        await SwitchboardHandlers.RemoteDone.WaitAsync();
        if (!report.AllSent)
        {
            throw new InvalidOperationException("The remote send was not SENT: " + report);
        }

        SwitchboardHandlers.RemoteDone.Arm(1);
        report = await pair.UnconfirmedSender.SendRemotePingAsync(ping, remoteServers: pair.ToReceiver);
        await SwitchboardHandlers.RemoteDone.WaitAsync();
        if (!report.AllSent || report.Count != 1)
        {
            throw new InvalidOperationException("The unconfirmed remote send was not one SENT line: " + report);
        }

        SwitchboardHandlers.RemoteDone.Arm(1);
        report = await pair.SignedSender.SendRemotePingAsync(ping, remoteServers: pair.ToReceiver);
        await SwitchboardHandlers.RemoteDone.WaitAsync();
        if (!report.AllSent)
        {
            throw new InvalidOperationException("The signed remote send was not SENT: " + report);
        }
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => pair.DisposeAsync();

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "raw PUBLISH, pipelined (the limit)")]
    public async Task RawPublishPipelined()
    {
        SwitchboardHandlers.RemoteDone.Arm(Batch);
        for (var i = 0; i < Batch; i++)
        {
            pending[i] = publisher.PublishAsync(RawChannel, wireBytes);
        }

        await Task.WhenAll(pending);
        await SwitchboardHandlers.RemoteDone.WaitAsync();
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "Switchboard typed stub, pipelined (awaits the receiver's results)")]
    public async Task SwitchboardTypedStubPipelined()
    {
        SwitchboardHandlers.RemoteDone.Arm(Batch);
        for (var i = 0; i < Batch; i++)
        {
            pending[i] = pair.Sender.SendRemotePingAsync(ping, remoteServers: pair.ToReceiver).AsTask();
        }

        await Task.WhenAll(pending);
        await SwitchboardHandlers.RemoteDone.WaitAsync();
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "Switchboard typed stub, pipelined, ConfirmRemoteSends = false (once published)")]
    public async Task SwitchboardTypedStubPipelinedUnconfirmed()
    {
        SwitchboardHandlers.RemoteDone.Arm(Batch);
        for (var i = 0; i < Batch; i++)
        {
            pending[i] = pair.UnconfirmedSender.SendRemotePingAsync(ping, remoteServers: pair.ToReceiver).AsTask();
        }

        await Task.WhenAll(pending);
        await SwitchboardHandlers.RemoteDone.WaitAsync();
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "Switchboard typed stub, pipelined, signed (NetworkKey)")]
    public async Task SwitchboardTypedStubPipelinedSigned()
    {
        SwitchboardHandlers.RemoteDone.Arm(Batch);
        for (var i = 0; i < Batch; i++)
        {
            pending[i] = pair.SignedSender.SendRemotePingAsync(ping, remoteServers: pair.ToReceiver).AsTask();
        }

        await Task.WhenAll(pending);
        await SwitchboardHandlers.RemoteDone.WaitAsync();
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "raw PUBLISH, one at a time")]
    public async Task RawPublishSequential()
    {
        SwitchboardHandlers.RemoteDone.Arm(Batch);
        for (var i = 0; i < Batch; i++)
        {
            publisher.Publish(RawChannel, wireBytes);
        }

        await SwitchboardHandlers.RemoteDone.WaitAsync();
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "Switchboard SendMessage, one at a time (returns once published)")]
    public async Task SwitchboardSendMessageSequential()
    {
        SwitchboardHandlers.RemoteDone.Arm(Batch);
        for (var i = 0; i < Batch; i++)
        {
            pair.Sender.SendMessage("Bench", "remotePing", dictionaryPing, remoteServers: pair.ToReceiver);
        }

        await SwitchboardHandlers.RemoteDone.WaitAsync();
    }
}
