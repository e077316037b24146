using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Switchboard.Network.Tests.Support;
using Switchboard.Redis.Durable;

namespace Switchboard.Network.Tests;

/// <summary>Durable mode on a real redis-server: crashes of the receiving gateway process, Redis restarts, dead letters and replay.</summary>
public sealed partial class DurableDeliveryTests
{
    private const string Queued =
        "type=RemoteGateway,serverName=agent-9000,project=X,messageHandler=record,filterParams={hostName=, clientSessionId=, scope=G, user=, hasRole=},sendStatus=QUEUED";

    [Fact]
    public async Task KillingTheReceivingGatewayMidStreamLosesNoDurableMessage()
    {
        using var redis = new RedisServer();
        var network = "durable-" + Guid.NewGuid().ToString("N")[..8];
        string[] receiverArguments = ["gateway", "agent-9000", "--redis", redis.Configuration, "--network", network, "--durable", "on"];
        using var first = SampleProcess.Start(receiverArguments);
        await first.WaitForLineAsync("ready", TimeSpan.FromSeconds(60));

        await using var queue = await RedisDurableQueue.ConnectAsync(redis.Configuration, new RedisDurableQueueOptions { NetworkName = network });
        await using var sender = new Gateway("agent-8088");
        await queue.AttachAsync(sender);
        var reports = new ConcurrentQueue<string>();

        async Task SendAsync(int from, int to)
        {
            for (var n = from; n < to; n++)
            {
                var report = await sender.SendDurableAsync("X", "record", new Dictionary<string, object?> { ["n"] = n }, "agent-9000");
                reports.Enqueue(Assert.Single(report.ToStrings()));
            }
        }

        // Some handled, then a kill -9 while more are being sent, then more while the receiver is down.
        await SendAsync(0, 100);
        await Wait.UntilAsync(() => Recorded(first).Count >= 20, "the receiver handled some durable messages", TimeSpan.FromSeconds(60));
        var sending = SendAsync(100, 200);
        first.Kill();
        await sending;
        var handledBeforeKill = Recorded(first);
        await SendAsync(200, 300);

        using var second = SampleProcess.Start(receiverArguments);
        await Wait.UntilAsync(
            () => handledBeforeKill.Concat(Recorded(second)).Distinct().Count() == 300,
            "all 300 durable messages were handled across the kill",
            TimeSpan.FromSeconds(90));

        Assert.All(reports, report => Assert.Equal(Queued, report));
        var handled = handledBeforeKill.Concat(Recorded(second)).ToArray();
        Assert.Equal(Enumerable.Range(0, 300), handled.Distinct().Order());

        // At least once: only the message whose handler had returned when the process died, before its
        // acknowledgement reached Redis, may run a second time. Every acknowledged message runs once.
        var repeated = handled.GroupBy(n => n).Where(group => group.Count() > 1).Select(group => group.Key).ToArray();
        Assert.True(repeated.Length <= 1, $"handled more than once: {string.Join(", ", repeated)}");
        Assert.True(handled.Length == handled.Distinct().Count() + repeated.Length, "a message ran more than twice");
        Assert.Equal(0, await second.StopAsync());
    }

    [Fact]
    public async Task ARedisRestartWithAofLosesNoDurableMessage()
    {
        using var redis = new RedisServer(appendOnly: true);
        var options = new RedisDurableQueueOptions { NetworkName = "aof", RetryDelay = TimeSpan.FromSeconds(1) };
        var log = new Deliveries();
        await using var queue = await RedisDurableQueue.ConnectAsync(redis.Configuration, options);
        await using var sender = new Gateway("agent-8088");
        await queue.AttachAsync(sender);

        // Queued while the receiver is not running, then Redis dies (SIGKILL) and comes back from its AOF.
        for (var n = 0; n < 50; n++)
        {
            await sender.SendDurableAsync("X", "testHandler", new Dictionary<string, object?> { ["n"] = n }, "agent-9000");
        }

        redis.Restart();

        await using var receiver = new Gateway("agent-9000");
        receiver.AddProject(TestProject.Registry(log));
        await Wait.UntilAsync(async () =>
        {
            try
            {
                await queue.AttachAsync(receiver);
                return true;
            }
            catch (StackExchange.Redis.RedisException)
            {
                return false;
            }
        }, "the queue reconnected to the restarted Redis", TimeSpan.FromSeconds(30));

        await Wait.UntilAsync(() => log.Of("testHandler").Count >= 50, "the 50 queued messages ran after the restart", TimeSpan.FromSeconds(60));
        var ran = log.Of("testHandler").Select(delivery => (long)((IReadOnlyDictionary<string, object?>)delivery.Payload!)["n"]!).ToArray();
        Assert.Equal(Enumerable.Range(0, 50).Select(n => (long)n), ran.Order());
        Assert.All(log.Of("testHandler"), delivery => Assert.Equal((EndpointKind.Gateway, "agent-8088"), (delivery.Sender.Kind, delivery.Sender.GatewayName)));
    }

    [Fact]
    public async Task AMessageIdQueuedTwiceRunsOnceWhetherItsCopiesShareABatchOrNot()
    {
        using var redis = new RedisServer();
        var log = new Deliveries();
        await using var queue = await RedisDurableQueue.ConnectAsync(redis.Configuration, new RedisDurableQueueOptions { NetworkName = "dedupe" });
        var sender = new SenderInfo(EndpointKind.Gateway, "agent-8088", null, null, [], null);
        var message = new DurableMessage("same-id", "agent-9000", "X", "testHandler", "{\"n\":1}", sender);

        // A sender that sent again: both copies are queued before the gateway reads, so one read takes both.
        await queue.EnqueueAsync(message);
        await queue.EnqueueAsync(message);
        await using var receiver = new Gateway("agent-9000");
        receiver.AddProject(TestProject.Registry(log));
        await queue.AttachAsync(receiver);
        await Wait.UntilAsync(() => log.Of("testHandler").Count >= 1, "the message ran", TimeSpan.FromSeconds(30));

        // A third copy after it was processed, then another message: by the time that one ran, the copy was read.
        await queue.EnqueueAsync(message);
        await queue.EnqueueAsync(message with { Id = "other-id", PayloadJson = "{\"n\":2}" });
        await Wait.UntilAsync(() => log.Of("testHandler").Count >= 2, "the other message ran", TimeSpan.FromSeconds(30));

        var ran = log.Of("testHandler").Select(delivery => (long)((IReadOnlyDictionary<string, object?>)delivery.Payload!)["n"]!);
        Assert.Equal([1L, 2L], ran);
        await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        await Wait.UntilAsync(
            async () => await connection.GetDatabase().StreamLengthAsync("switchboard:dedupe:durable:agent-9000:X") == 0,
            "every copy was acknowledged and deleted", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task AMessageThatKeepsFailingIsDeadLetteredAndRunsOnceWhenReplayed()
    {
        using var redis = new RedisServer();
        var options = new RedisDurableQueueOptions { NetworkName = "dead", MaxAttempts = 3, RetryDelay = TimeSpan.FromMilliseconds(300) };
        var flaky = new FlakyHandler();
        await using var queue = await RedisDurableQueue.ConnectAsync(redis.Configuration, options);
        await using var gateway = new Gateway("agent-9000");
        gateway.AddProject(flaky.Registry());
        await queue.AttachAsync(gateway);

        var report = await gateway.SendDurableAsync("D", "flaky", new Dictionary<string, object?> { ["order"] = "A-1" }, "agent-9000");
        Assert.EndsWith(",sendStatus=QUEUED", Assert.Single(report.ToStrings()));

        await Wait.UntilAsync(async () => (await queue.GetDeadLettersAsync("agent-9000", "D")).Count == 1, "the message was dead-lettered", TimeSpan.FromSeconds(30));
        var dead = Assert.Single(await queue.GetDeadLettersAsync("agent-9000", "D"));
        Assert.Equal(3, flaky.Attempts);
        Assert.Equal(3, dead.Attempts);
        Assert.Contains("not yet", dead.Error, StringComparison.Ordinal);
        Assert.Equal("flaky", dead.Message!.MessageHandler);
        Assert.Equal("{\"order\":\"A-1\"}", dead.Message.PayloadJson);

        // Mend the cause, then replay: it runs once, with the same id, and leaves the dead-letter stream.
        flaky.Mend();
        Assert.True(await queue.ReplayDeadLetterAsync("agent-9000", "D", dead.Id));
        Assert.False(await queue.ReplayDeadLetterAsync("agent-9000", "D", dead.Id));
        await Wait.UntilAsync(() => flaky.Succeeded.Count == 1, "the replayed message ran", TimeSpan.FromSeconds(30));
        Assert.Empty(await queue.GetDeadLettersAsync("agent-9000", "D"));
        Assert.Equal("A-1", Assert.Single(flaky.Succeeded));
        await Task.Delay(options.RetryDelay * 3);
        Assert.Single(flaky.Succeeded);
    }

    [Fact]
    public async Task AMessageToAMissingHandlerIsDeadLetteredAtOnce()
    {
        using var redis = new RedisServer();
        var options = new RedisDurableQueueOptions { NetworkName = "missing", MaxAttempts = 5 };
        await using var queue = await RedisDurableQueue.ConnectAsync(redis.Configuration, options);
        await using var gateway = new Gateway("agent-9000");
        gateway.AddProject(TestProject.Registry(new Deliveries()));
        await queue.AttachAsync(gateway);

        await gateway.SendDurableAsync("X", "noSuchHandler", null, "agent-9000");

        await Wait.UntilAsync(async () => (await queue.GetDeadLettersAsync("agent-9000", "X")).Count == 1, "the message was dead-lettered", TimeSpan.FromSeconds(30));
        Assert.Equal(1, Assert.Single(await queue.GetDeadLettersAsync("agent-9000", "X")).Attempts);
    }

    [Fact]
    public async Task WithANetworkKeyOnlySignedMessagesRun()
    {
        using var redis = new RedisServer();
        const string Key = "0123456789abcdef0123456789abcdef-durable";
        var log = new Deliveries();
        await using var queue = await RedisDurableQueue.ConnectAsync(redis.Configuration, new RedisDurableQueueOptions { NetworkName = "signed", NetworkKey = Key });
        await using var forger = await RedisDurableQueue.ConnectAsync(redis.Configuration, new RedisDurableQueueOptions { NetworkName = "signed", NetworkKey = Key.Replace('0', '1') });
        await using var unsigned = await RedisDurableQueue.ConnectAsync(redis.Configuration, new RedisDurableQueueOptions { NetworkName = "signed" });
        await using var gateway = new Gateway("agent-9000");
        gateway.AddProject(TestProject.Registry(log));
        await queue.AttachAsync(gateway);

        var admin = new SenderInfo(EndpointKind.Client, "agent-8088", "F0RGED00", "mallory", ["Admin"], null);
        await forger.EnqueueAsync(new DurableMessage("forged-1", "agent-9000", "X", "testHandler", "{\"who\":\"forger\"}", admin));
        await unsigned.EnqueueAsync(new DurableMessage("forged-2", "agent-9000", "X", "testHandler", "{\"who\":\"unsigned\"}", admin));
        await gateway.SendDurableAsync("X", "testHandler", new Dictionary<string, object?> { ["who"] = "member" }, "agent-9000");

        await Wait.UntilAsync(async () => (await queue.GetDeadLettersAsync("agent-9000", "X")).Count == 2, "both forged messages were dead-lettered", TimeSpan.FromSeconds(30));
        await Wait.UntilAsync(() => log.Of("testHandler").Count == 1, "the signed message ran", TimeSpan.FromSeconds(30));
        Assert.Equal("member", ((IReadOnlyDictionary<string, object?>)Assert.Single(log.Of("testHandler")).Payload!)["who"]);
        Assert.All(await queue.GetDeadLettersAsync("agent-9000", "X"), dead => Assert.Contains("unsigned or badly signed", dead.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AShortNetworkKeyIsRefusedWithHowToMakeOne()
    {
        using var redis = new RedisServer();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => RedisDurableQueue.ConnectAsync(redis.Configuration, new RedisDurableQueueOptions { NetworkKey = "short" }));
        Assert.Contains("openssl rand -base64 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASendToAHandlerDeclaredDurableIsStoredAndRunsOnceOnItsGatewayEvenIfThatGatewayStartsLater()
    {
        using var redis = new RedisServer();
        var log = new Deliveries();
        await using var queue = await RedisDurableQueue.ConnectAsync(redis.Configuration, new RedisDurableQueueOptions { NetworkName = "per-handler" });
        await using var sender = new Gateway("agent-8088");
        sender.AddProject(DurableProject(log));
        await queue.AttachAsync(sender);

        // The receiver is not running yet: fire-and-forget would lose these; the handler's Delivery keeps them.
        var remote = await sender.SendAsync("Y", "order", new Dictionary<string, object?> { ["n"] = 1 }, remoteServers: ["agent-9000"]);
        var local = await sender.SendAsync("Y", "order", new Dictionary<string, object?> { ["n"] = 2 });

        Assert.Equal(
            "type=RemoteGateway,serverName=agent-9000,project=Y,messageHandler=order,filterParams={hostName=, clientSessionId=, scope=CGS, user=, hasRole=},sendStatus=QUEUED",
            Assert.Single(remote.ToStrings()));
        Assert.Equal(
            "type=Gateway,project=Y,messageHandler=order,filterParams={hostName=, clientSessionId=, scope=CGS, user=, hasRole=},sendStatus=QUEUED",
            Assert.Single(local.ToStrings()));
        await using var receiver = new Gateway("agent-9000");
        receiver.AddProject(DurableProject(log));
        await queue.AttachAsync(receiver);

        await Wait.UntilAsync(() => log.Of("order").Count == 2, "both durable messages ran", TimeSpan.FromSeconds(30));
        var ran = log.Of("order").ToDictionary(delivery => (long)((IReadOnlyDictionary<string, object?>)delivery.Payload!)["n"]!, delivery => delivery.Where);
        Assert.Equal("gateway:agent-9000", ran[1]);
        Assert.Equal("gateway:agent-8088", ran[2]);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(2, log.Of("order").Count);
    }

    [Fact]
    public async Task SendingDurablyWithoutAQueueSaysHowToSetOne()
    {
        await using var gateway = new Gateway("agent-8088");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => gateway.SendDurableAsync("X", "record", null, "agent-9000").AsTask());
        Assert.Contains("UseDurableQueue", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Project Y: <c>order</c>, a gateway handler declared <see cref="DeliveryMode.Durable"/>, recording where it ran.</summary>
    private static ProjectRegistry DurableProject(Deliveries log) => new("Y",
    [
        new HandlerDescriptor
        {
            Project = "Y",
            Name = "order",
            Scope = Scope.Gateway,
            Delivery = DeliveryMode.Durable,
            PayloadType = typeof(IReadOnlyDictionary<string, object?>),
            Invoker = (payload, context, _) =>
            {
                log.All.Enqueue(new Delivery($"gateway:{context.Gateway.Name}", "order", payload, context.Sender));
                return ValueTask.FromResult<object?>(null);
            },
        },
    ]);

    private static List<int> Recorded(SampleProcess process) =>
        process.Output.Select(line => RecordedLine().Match(line)).Where(match => match.Success)
            .Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [GeneratedRegex(@"recorded \{n=(\d+)\}")]
    private static partial Regex RecordedLine();

    /// <summary>Project D's one gateway handler: it throws until mended.</summary>
    private sealed class FlakyHandler
    {
        private int attempts;
        private volatile bool mended;

        public int Attempts => Volatile.Read(ref attempts);

        public ConcurrentQueue<string> Succeeded { get; } = new();

        public void Mend() => mended = true;

        public ProjectRegistry Registry() => new("D",
        [
            new HandlerDescriptor
            {
                Project = "D",
                Name = "flaky",
                Scope = Scope.Gateway,
                PayloadType = typeof(IReadOnlyDictionary<string, object?>),
                Invoker = (payload, _, _) =>
                {
                    if (!mended)
                    {
                        Interlocked.Increment(ref attempts);
                        throw new InvalidOperationException("not yet");
                    }

                    Succeeded.Enqueue((string)((IReadOnlyDictionary<string, object?>)payload!)["order"]!);
                    return ValueTask.FromResult<object?>(null);
                },
            },
        ]);
    }
}
