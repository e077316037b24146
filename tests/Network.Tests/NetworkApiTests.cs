using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Switchboard.Network.Tests.Support;

namespace Switchboard.Network.Tests;

/// <summary>Joining, leaving, options and the in-memory transport's own contract.</summary>
public sealed class NetworkApiTests
{
    [Fact]
    public async Task WithoutANetworkRemoteServersAreUnreachableAndSayHowToJoinOne()
    {
        var logs = new FakeLogCollector();
        await using var gateway = new Gateway("agent-8088", new GatewayOptions { LoggerFactory = new LoggerFactory([new FakeLoggerProvider(logs)]) });

        var results = gateway.SendMessage("X", "testHandler", remoteServers: ["agent-9000"]);
        var refusal = await Assert.ThrowsAsync<GatewayUnreachableException>(() => gateway.SendRequestAsync("X", "add", remoteServer: "agent-9000"));

        Assert.Equal(["type=RemoteGateway,serverName=agent-9000,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=CGS, user=, hasRole=},sendStatus=UNREACHABLE"], results);
        Assert.Contains("GatewayNetwork.JoinAsync", refusal.Message);
        Assert.Contains(logs.GetSnapshot().Where(line => line.Id.Id == 6), line => line.Message.Contains("agent-9000"));
    }

    [Fact]
    public async Task AGatewayJoinsOneNetworkOnce()
    {
        var hub = new InMemoryNetwork();
        await using var first = new GatewayNetwork(hub.Connect());
        await using var second = new GatewayNetwork(hub.Connect());
        await using var gateway = new Gateway("agent-8088");
        await first.JoinAsync(gateway);

        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => second.JoinAsync(gateway));

        Assert.Contains("already on a gateway network", again.Message);
    }

    [Fact]
    public async Task AClosedGatewayCannotJoin()
    {
        await using var network = new GatewayNetwork(new InMemoryNetwork().Connect());
        var gateway = new Gateway("agent-8088");
        await gateway.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => network.JoinAsync(gateway));
    }

    [Fact]
    public async Task ClosingTheNetworkLeavesItsGatewaysWorkingOnTheirOwn()
    {
        var hub = new InMemoryNetwork();
        var network = new GatewayNetwork(hub.Connect());
        await using var gateway = new Gateway("agent-8088");
        var log = new Deliveries();
        gateway.AddProject(TestProject.Registry(log));
        await network.JoinAsync(gateway);

        await network.DisposeAsync();

        Assert.Equal(0, hub.SubscriberCount("switchboard:gateway:agent-8088"));
        Assert.EndsWith("sendStatus=UNREACHABLE", gateway.SendMessage("X", "testHandler", remoteServers: ["agent-8088"])[0]);
        Assert.EndsWith("sendStatus=SENT", gateway.SendMessage("X", "testHandler", scope: "G")[0]);
        await Wait.UntilAsync(() => log.Of("testHandler").Count == 1, "the local send was delivered");
        await Assert.ThrowsAsync<ObjectDisposedException>(() => network.JoinAsync(new Gateway("agent-9000")));
    }

    [Fact]
    public async Task ARemoteClientRunsTheProjectItConnectsWith()
    {
        await using var network = new GatewayNetwork(new InMemoryNetwork().Connect());

        var mismatch = await Assert.ThrowsAsync<ArgumentException>(
            () => network.ConnectClientAsync("agent-8088", new ClientIdentity { Project = "Y" }, TestProject.Registry(new Deliveries())));

        Assert.Contains("project \"Y\"", mismatch.Message);
    }

    [Theory]
    [InlineData(nameof(GatewayNetworkOptions.NetworkName))]
    [InlineData(nameof(GatewayNetworkOptions.HeartbeatInterval))]
    [InlineData(nameof(GatewayNetworkOptions.PresenceTimeout))]
    [InlineData(nameof(GatewayNetworkOptions.MaxMessageBytes))]
    [InlineData(nameof(GatewayNetworkOptions.InboundQueueCapacity))]
    public void InvalidOptionsAreRefusedByName(string option)
    {
        var options = new GatewayNetworkOptions();
        switch (option)
        {
            case nameof(GatewayNetworkOptions.NetworkName):
                options.NetworkName = " ";
                break;
            case nameof(GatewayNetworkOptions.HeartbeatInterval):
                options.HeartbeatInterval = TimeSpan.Zero;
                break;
            case nameof(GatewayNetworkOptions.PresenceTimeout):
                options.PresenceTimeout = options.HeartbeatInterval;
                break;
            case nameof(GatewayNetworkOptions.MaxMessageBytes):
                options.MaxMessageBytes = 10;
                break;
            default:
                options.InboundQueueCapacity = 0;
                break;
        }

        var refusal = Assert.ThrowsAny<ArgumentException>(() => new GatewayNetwork(new InMemoryNetwork().Connect(), options));

        Assert.Contains(option, refusal.Message);
    }

    [Fact]
    public async Task AnInlineHandlerReachedFromTheNetworkMayWaitForAReplyThatItsNodeReads()
    {
        // The relay runs on node 1 and sends synchronously through a remote client on node 1, whose confirmation only
        // node 1's inbound worker reads: run on that worker, it would wait for itself until RemoteResultsTimeout.
        var hub = new InMemoryNetwork();
        await using var node1 = new GatewayNetwork(hub.Connect(), new GatewayNetworkOptions { RemoteResultsTimeout = TimeSpan.FromSeconds(20) });
        await using var node2 = new GatewayNetwork(hub.Connect());
        await using var agent8088 = new Gateway("agent-8088");
        await using var agent9000 = new Gateway("agent-9000");
        var log8088 = new Deliveries();
        agent8088.AddProject(TestProject.Registry(log8088));
        await node2.JoinAsync(agent8088);
        await node1.JoinAsync(agent9000);
        await using var client = await node1.ConnectClientAsync("agent-8088", new ClientIdentity { Project = "X" }, TestProject.Registry(new Deliveries()));
        var relayed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        agent9000.AddProject(new ProjectRegistry("R",
        [
            new HandlerDescriptor
            {
                Project = "R",
                Name = "relay",
                Scope = Scope.Gateway,
                Threading = HandlerThreading.Inline,
                Invoker = (_, _, _) =>
                {
                    relayed.TrySetResult(Assert.Single(client.SendMessage("X", "testHandler", scope: "G")));
                    return ValueTask.FromResult<object?>(null);
                },
            },
        ]));
        var started = System.Diagnostics.Stopwatch.StartNew();

        await agent8088.SendAsync("R", "relay", scope: Scope.Gateway, remoteServers: ["agent-9000"]);
        var result = await relayed.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.EndsWith("sendStatus=SENT", result);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"the relay's send waited {started.Elapsed} for its own node");
        await Wait.UntilAsync(() => log8088.Of("testHandler").Count == 1, "the relayed send arrived");
    }

    [Fact]
    public async Task TheLongestNetworkNameStillCarriesRepliesAndALongerOneIsRefused()
    {
        // Every reply is addressed to a node channel that starts with the network name, and travels as a name.
        var longest = new GatewayNetworkOptions { NetworkName = new string('n', 986) };
        var refusal = Assert.Throws<ArgumentException>(
            () => new GatewayNetwork(new InMemoryNetwork().Connect(), new GatewayNetworkOptions { NetworkName = new string('n', 987) }));
        var hub = new InMemoryNetwork();
        await using var asking = new GatewayNetwork(hub.Connect(), longest);
        await using var answering = new GatewayNetwork(hub.Connect(), longest);
        await using var agent8088 = new Gateway("agent-8088");
        await using var agent9000 = new Gateway("agent-9000");
        agent9000.AddProject(TestProject.Registry(new Deliveries()));
        await asking.JoinAsync(agent8088);
        await answering.JoinAsync(agent9000);

        var sum = await agent8088.SendRequestAsync<int>("X", "add", new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 }, remoteServer: "agent-9000");

        Assert.Equal(3, sum);
        Assert.Contains("987 characters long; it may have at most 986", refusal.Message);
    }

    [Fact]
    public async Task InMemoryPublishReportsItsListenersAndADroppedConnectionRefusesToPublish()
    {
        var hub = new InMemoryNetwork();
        await using var listener = hub.Connect();
        await using var publisher = hub.Connect();
        var received = new List<string>();
        var changes = new List<bool>();
        listener.ConnectionChanged += (_, change) => changes.Add(change.IsConnected);
        await listener.SubscribeAsync("c", message => { lock (received) { received.Add(System.Text.Encoding.UTF8.GetString(message.Span)); } });

        Assert.Equal(1, await publisher.PublishAsync("c", "one"u8.ToArray()));
        Assert.Equal(0, publisher.Publish("nobody", "x"u8.ToArray()));
        await Wait.UntilAsync(() => { lock (received) { return received.Count == 1; } }, "the first message arrived");
        listener.Disconnect();
        Assert.Equal(0, publisher.Publish("c", "lost"u8.ToArray()));
        Assert.Throws<InvalidOperationException>(() => listener.Publish("c", "x"u8.ToArray()));
        listener.Reconnect();
        Assert.Equal(1, publisher.Publish("c", "two"u8.ToArray()));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await listener.SubscribeAsync("c", _ => { }));

        await Wait.UntilAsync(() => { lock (received) { return received.Count == 2; } }, "both messages arrived");
        Assert.Equal(["one", "two"], received);
        Assert.Equal([false, true], changes);
    }
}
