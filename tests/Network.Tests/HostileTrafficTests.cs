using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Switchboard.Network.Tests.Support;
using Switchboard.Redis;
using Xunit.Abstractions;

namespace Switchboard.Network.Tests;

[CollectionDefinition(nameof(HostileTrafficTests), DisableParallelization = true)]
public sealed class HostileTrafficCollection;

/// <summary>
/// A hundred thousand hostile messages at a gateway on a keyed network over a real redis-server: unsigned, signed
/// garbage, signed with a wrong key, replayed, tampered after signing. Alone in its collection, so that the managed
/// heap it measures is its own.
/// </summary>
[Collection(nameof(HostileTrafficTests))]
public sealed class HostileTrafficTests(RedisNetworkTests.Server server, ITestOutputHelper output) : IClassFixture<RedisNetworkTests.Server>, IAsyncLifetime
{
    private const string Key = "the-network-key-of-these-tests-32+b";
    private const string OtherKey = "another-network-key-nobody-uses-32+b";

    private readonly string networkName = "hostile-" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<IAsyncDisposable> owned = [];
    // Only the lines this test asserts (the drop log is event 20, a failed handling 33): the collector keeps what it
    // holds for good, and every other line for 100,000 messages would grow the heap this test measures.
    private readonly FakeLogCollector logs = new();

    private ILoggerFactory? loggers;

    private ILoggerFactory Loggers => loggers ??= new LoggerFactory([new EventFilter(new FakeLoggerProvider(logs), id => id.Id is 20 or 33)]);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            await owned[i].DisposeAsync();
        }
    }

    [Fact]
    public async Task AHundredThousandHostileMessagesOnAKeyedNetworkStopNothingAndLeaveMemoryFlat()
    {
        // Real traffic, recorded below the signature, gives both valid frames to replay and envelopes to mutate.
        RecordingTransport? recorder = null;
        var options = Options();
        options.NetworkKey = Key;
        options.PresenceTimeout = TimeSpan.FromSeconds(10);
        // Short, so that what is held for a time (nonces for two windows, fuzzed requests to the never-answering "slow"
        // handler until their timeout) is let go within the run, and what is left to grow would be a leak.
        options.ReplayWindow = TimeSpan.FromSeconds(1);
        var sender = Own(new GatewayNetwork(recorder = new RecordingTransport(await ConnectAsync()), options));
        var target = Own(new GatewayNetwork(await ConnectAsync(), options));
        var (agent8088, _) = await GatewayAsync(sender, "agent-8088");
        var (agent9000, log9000) = await GatewayAsync(target, "agent-9000");
        var (client, _) = await RemoteClientAsync(sender, "agent-9000", new ClientIdentity { Project = "X", User = "bob" });
        await agent8088.SendAsync("X", "typed", Order.Sample(), remoteServers: ["agent-9000"]);
        await agent8088.SendRequestAsync<int>("X", "add", Payload(("a", 1), ("b", 2)), remoteServer: "agent-9000");
        await client.SendAsync("X", "testHandler", scope: Scope.Gateway);
        await client.SendRequestAsync<string>("X", "whoami");
        var channel = $"{networkName}:gateway:agent-9000";
        var frames = recorder!.Published.Where(entry => entry.Channel == channel).Select(entry => entry.Message).ToArray();
        var fuzzer = new EnvelopeFuzzer(seed: 20261129, frames.Select(FrameSigner.Unwrap).ToArray());
        var signer = new FrameSigner(Key);
        var forger = new FrameSigner(OtherKey);
        var random = new Random(20261129);
        var attacker = await ConnectAsync();
        await using var _ = attacker;

        byte[] Hostile(int i) => (i % 5) switch
        {
            0 => fuzzer.Next(i),                                        // unsigned garbage
            1 or 2 => signer.Sign(channel, fuzzer.Next(i)),             // signed garbage: through the MAC into the reader
            3 => forger.Sign(channel, fuzzer.Next(i)),                  // signed with a key nobody accepts
            _ => random.Next(2) == 0
                ? frames[random.Next(frames.Length)]                    // a replay of a real frame
                : Flip(signer.Sign(channel, fuzzer.Next(i))),           // a good signature, a byte changed after signing
        };

        byte[] Flip(byte[] frame)
        {
            frame[random.Next(frame.Length)] ^= (byte)(1 + random.Next(255));
            return frame;
        }

        // In batches, each read in full before the next, so that the inbound queue never overflows and every message is handled.
        var before = target.Statistics.Received;
        var received = 0L;
        async Task PublishAsync(int from, int count)
        {
            for (var batch = from; batch < from + count; batch += 500)
            {
                var publishes = Enumerable.Range(batch, 500).Select(i => attacker.PublishAsync(channel, Hostile(i)).AsTask()).ToArray();
                received += (await Task.WhenAll(publishes)).Sum();
                await Wait.UntilAsync(() => target.Statistics.Received - before >= received, "the target read the batch", TimeSpan.FromSeconds(60));
            }
        }

        // Pools, caches and buffers fill during the first part; after that, memory must stay where it is.
        const int Total = 100_000;
        const int Step = 20_000;
        var heap = new List<long>();
        for (var from = 0; from < Total; from += Step)
        {
            await PublishAsync(from, Step);

            // What the gateway holds for a time by design (nonces, fuzzed requests until their timeout, remote results)
            // depends on how fast the run went, so the readings compared below are taken once that time has passed.
            if (heap.Count >= 2)
            {
                await LetRetentionPassAsync();
            }

            // What the test's handlers recorded is the test's memory, not the gateway's.
            log9000.All.Clear();
            heap.Add(Settled());
        }

        var grown = heap[^1] - heap[2];
        output.WriteLine("managed heap every 20,000 messages (KiB): " + string.Join(", ", heap.Select(bytes => bytes / 1024)));

        // Nothing stopped it, and what it holds did not grow with what it read.
        Assert.Equal(Total, received);
        Assert.Equal(7, await agent8088.SendRequestAsync<int>("X", "add", Payload(("a", 3), ("b", 4)), remoteServer: "agent-9000"));
        Assert.Equal("Client:agent-9000:" + client.SessionId + ":bob", await client.SendRequestAsync<string>("X", "whoami"));
        Assert.False(agent9000.IsClosed);
        Assert.Empty(logs.WithEventId(33));
        var statistics = target.Statistics;
        Assert.True(statistics.DroppedFor(DropReason.Unauthenticated) > Total / 5, statistics.ToString());
        Assert.True(statistics.DroppedFor(DropReason.Replayed) > 0, statistics.ToString());
        Assert.True(statistics.DroppedFor(DropReason.Malformed) > Total / 10, statistics.ToString());
        output.WriteLine(statistics.ToString());
        Assert.True(grown < 10 * 1024 * 1024, $"the managed heap grew by {grown / 1024} KiB over the last 40,000 hostile messages");

        async Task LetRetentionPassAsync()
        {
            // Longer than the longest retention: two nonce generations (2 x 2 x ReplayWindow), the gateways'
            // RequestTimeout (2 s) and RemoteResultsTimeout. The ledger rotates on the next signed message, so one is
            // sent after the wait.
            var nonces = 4 * options.ReplayWindow;
            await Task.Delay((nonces > options.RemoteResultsTimeout ? nonces : options.RemoteResultsTimeout) + TimeSpan.FromMilliseconds(500));
            Assert.Equal(3, await agent8088.SendRequestAsync<int>("X", "add", Payload(("a", 1), ("b", 2)), remoteServer: "agent-9000"));
        }

        static long Settled()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return GC.GetTotalMemory(forceFullCollection: true);
        }
    }

    private GatewayNetworkOptions Options() => new()
    {
        NetworkName = networkName,
        HeartbeatInterval = TimeSpan.FromMilliseconds(100),
        RemoteResultsTimeout = TimeSpan.FromSeconds(5),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        LoggerFactory = Loggers,
    };

    private async Task<INetworkTransport> ConnectAsync() => await RedisNetworkTransport.ConnectAsync(server.Redis.Configuration, Loggers);

    private T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        owned.Add(disposable);
        return disposable;
    }

    private async Task<(Gateway Gateway, Deliveries Log)> GatewayAsync(GatewayNetwork node, string name)
    {
        var log = new Deliveries();
        var gateway = Own(new Gateway(name, new GatewayOptions { LoggerFactory = Loggers, DrainTimeout = TimeSpan.FromSeconds(5), RequestTimeout = TimeSpan.FromSeconds(2) }));
        gateway.AddProject(TestProject.Registry(log));
        await node.JoinAsync(gateway);
        return (gateway, log);
    }

    private async Task<(RemoteClient Client, Deliveries Log)> RemoteClientAsync(GatewayNetwork node, string gatewayName, ClientIdentity identity)
    {
        var log = new Deliveries();
        var client = Own(await node.ConnectClientAsync(gatewayName, identity, TestProject.Registry(log), new GatewayOptions { LoggerFactory = Loggers }));
        return (client, log);
    }

    private static Dictionary<string, object?> Payload(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(entry => entry.Key, entry => entry.Value);
}
