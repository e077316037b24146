using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using StackExchange.Redis;
using Switchboard.Benchmarks.Contenders;
using Switchboard.Benchmarks.Support;

namespace Switchboard.Benchmarks.Network;

/// <summary>
/// Suite 4b: one remote request and its response through a local redis-server, one request per measured iteration so
/// that the percentiles are those of single requests. The limit is a raw request/reply over PUBLISH with the same
/// bytes: the request to a subscriber that at once publishes the reply bytes back.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LatencyConfig))]
[InvocationCount(1, 1)]
[WarmupCount(50)]
[IterationCount(500)]
public class RemoteRequestLatencyBenchmarks
{
    private static readonly RedisChannel RawRequests = RedisChannel.Literal("bench:raw-requests");
    private static readonly RedisChannel RawReplies = RedisChannel.Literal("bench:raw-replies");

    private readonly Add add = new(2, 3);
    private readonly HandledSignal replied = new();
    private RedisPair pair = null!;
    private ISubscriber requester = null!;
    private byte[] requestBytes = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        pair = await RedisPair.StartAsync();
        requestBytes = await pair.CaptureWireBytesAsync((sender, servers) => sender.RequestAddAsync(add, remoteServer: servers[0]));
        var replyBytes = await CaptureReplyBytesAsync();

        var responder = pair.Subscriber.GetSubscriber();
        await responder.SubscribeAsync(RawRequests, (_, _) => responder.Publish(RawReplies, replyBytes, CommandFlags.FireAndForget));
        requester = pair.Publisher.GetSubscriber();
        await requester.SubscribeAsync(RawReplies, (_, _) => replied.Signal());

        if (await pair.Sender.RequestAddAsync(add, remoteServer: RedisPair.ReceiverName) != 5)
        {
            throw new InvalidOperationException("The remote add(2, 3) did not answer 5.");
        }
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => pair.DisposeAsync();

    [Benchmark(Baseline = true, Description = "raw request/reply over PUBLISH (the limit)")]
    public ValueTask RawRoundTrip()
    {
        replied.Arm();
        requester.Publish(RawRequests, requestBytes, CommandFlags.FireAndForget);
        return replied.WaitAsync();
    }

    [Benchmark(Description = "Switchboard typed request stub, remoteServer")]
    public Task<int> SwitchboardRequest() => pair.Sender.RequestAddAsync(add, remoteServer: RedisPair.ReceiverName);

    /// <summary>The bytes of the receiver's reply to a request, captured from every node channel.</summary>
    private async Task<byte[]> CaptureReplyBytesAsync()
    {
        var captured = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var nodes = RedisChannel.Pattern("bench:node:*");
        var subscriber = pair.Subscriber.GetSubscriber();
        await subscriber.SubscribeAsync(nodes, (_, value) => captured.TrySetResult((byte[])value!));
        await pair.Sender.RequestAddAsync(add, remoteServer: RedisPair.ReceiverName);
        var bytes = await captured.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await subscriber.UnsubscribeAsync(nodes);
        return bytes;
    }

    /// <summary>Adds the median, P95 and P99 of single requests.</summary>
    private sealed class LatencyConfig : ManualConfig
    {
        public LatencyConfig()
        {
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, new PercentileColumn(99));
        }
    }
}
