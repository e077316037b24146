using Switchboard.Network.Tests.Support;

namespace Switchboard.Network.Tests;

/// <summary>sendMessage with remoteServers.</summary>
public abstract partial class NetworkSuite
{
    [Fact]
    public async Task Example3DeliversToEachNamedGatewayUnderTheSameScopeAndFilters()
    {
        var pair = await PairAsync();
        await using var bob8088 = pair.Agent8088.ConnectClient(new ClientIdentity { Project = "X", User = "bob", SessionId = "B0B08088" });
        await using var eve8088 = pair.Agent8088.ConnectClient(new ClientIdentity { Project = "X", User = "eve", SessionId = "E7E08088" });
        await using var bob9000 = pair.Agent9000.ConnectClient(new ClientIdentity { Project = "X", User = "bob", SessionId = "B0B09000" });
        await using var session9000 = pair.Agent9000.OpenSession(new SessionIdentity { Project = "X", User = "bob", SessionId = "5E559000" });

        var results = pair.Agent8088.SendMessage(
            "X", "testHandler", Payload(("first", "Hello"), ("second", "World")), scope: "CG", user: "bob", remoteServers: ["agent-8088", "agent-9000"]);

        Assert.Equal(
            [
                "type=RemoteGateway,serverName=agent-8088,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=CG, user=bob, hasRole=},sendStatus=SENT",
                "type=RemoteGateway,serverName=agent-9000,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=CG, user=bob, hasRole=},sendStatus=SENT",
            ],
            results);
        await Wait.UntilAsync(() => pair.Log8088.Of("testHandler").Count == 2 && pair.Log9000.Of("testHandler").Count == 2, "both gateways delivered");

        // Each gateway delivered to its own gateway scope and its own client of user bob; scope CG reaches no session.
        Assert.Equal(["client:B0B08088", "gateway:agent-8088"], pair.Log8088.Of("testHandler").Select(d => d.Where).Order());
        Assert.Equal(["client:B0B09000", "gateway:agent-9000"], pair.Log9000.Of("testHandler").Select(d => d.Where).Order());
        var delivered = pair.Log9000.Of("testHandler", "gateway:agent-9000").Single();
        Assert.Equal(Payload(("first", "Hello"), ("second", "World")), (IReadOnlyDictionary<string, object?>)delivered.Payload!);
        Assert.Equal((EndpointKind.Gateway, "agent-8088", (string?)null), (delivered.Sender.Kind, delivered.Sender.GatewayName, delivered.Sender.SessionId));
    }

    [Fact]
    public async Task AwaitedSendAsyncAlsoReportsTheRemoteGatewaysOwnResults()
    {
        var pair = await PairAsync();
        await using var client = pair.Agent9000.ConnectClient(new ClientIdentity { Project = "X", SessionId = "65F7A472", Address = "10.0.0.7", HostName = "hmi-7" });

        var report = await pair.Agent8088.SendAsync("X", "testHandler", scope: Scope.Client | Scope.Gateway, remoteServers: ["agent-9000"]);

        Assert.Equal(
            [
                "type=RemoteGateway,serverName=agent-9000,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=CG, user=, hasRole=},sendStatus=SENT",
                "type=Gateway,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=CG, user=, hasRole=},sendStatus=SENT",
                "type=Client,sessionId=65F7A472,clientAddress=10.0.0.7,clientHostName=hmi-7,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=CG, user=, hasRole=},sendStatus=SENT",
            ],
            report.ToStrings());

        // The remote gateway's own results say which server they came from.
        Assert.All(report, result => Assert.Equal("agent-9000", result.ServerName));
        await Wait.UntilAsync(() => pair.Log9000.Of("testHandler").Count == 2, "agent-9000's handlers ran");
    }

    [Fact]
    public async Task RemoteResultsCarryEveryStatusTheRemoteGatewayKnows()
    {
        var pair = await PairAsync();

        var report = await pair.Agent8088.SendAsync("X", "nosuchHandler", scope: Scope.Gateway, remoteServers: ["agent-9000"]);

        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.NoHandler], report.Select(result => result.Status));
        Assert.Equal(DeliveryTargetType.Gateway, report[1].Type);
    }

    [Fact]
    public async Task UnknownServerIsUnreachableNeverSent()
    {
        var pair = await PairAsync();

        var results = pair.Agent8088.SendMessage("X", "testHandler", scope: "G", remoteServers: ["agent-9000", "agent-nope"]);
        var report = await pair.Agent8088.SendAsync("X", "testHandler", scope: Scope.Gateway, remoteServers: ["agent-nope"]);

        Assert.EndsWith("sendStatus=SENT", results[0]);
        Assert.Equal(
            "type=RemoteGateway,serverName=agent-nope,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=G, user=, hasRole=},sendStatus=UNREACHABLE",
            results[1]);
        Assert.Equal([DeliveryStatus.Unreachable], report.Select(result => result.Status));
        Assert.Contains(Logs.GetSnapshot(), line => line.Id.Id == 6 && line.Message.Contains("agent-nope") && line.Message.Contains(NetworkName));
    }

    [Fact]
    public async Task StoppedGatewayIsUnreachableAndReachableAgainWhenItRejoins()
    {
        var pair = await PairAsync();
        await pair.Agent9000.DisposeAsync();

        Assert.Equal(DeliveryStatus.Unreachable, (await pair.Agent8088.SendAsync("X", "testHandler", remoteServers: ["agent-9000"]))[0].Status);
        Assert.EndsWith("sendStatus=UNREACHABLE", pair.Agent8088.SendMessage("X", "testHandler", remoteServers: ["agent-9000"])[0]);

        var (restarted, log) = await GatewayAsync(pair.Node9000, "agent-9000");
        var report = await pair.Agent8088.SendAsync("X", "testHandler", scope: Scope.Gateway, remoteServers: ["agent-9000"]);

        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Sent], report.Select(result => result.Status));
        await Wait.UntilAsync(() => log.Of("testHandler").Count == 1, "the restarted gateway's handler ran");
        Assert.Equal("agent-9000", restarted.Name);
    }

    [Fact]
    public async Task GatewayWhoseProcessDiedIsUnreachable()
    {
        var pair = await PairAsync();

        // The whole node of agent-9000 goes away at once, as a killed process's connection does.
        await SeverAsync(pair.Transport9000);

        await Wait.UntilAsync(
            () => pair.Agent8088.SendMessage("X", "testHandler", scope: "G", remoteServers: ["agent-9000"])[0].EndsWith("UNREACHABLE", StringComparison.Ordinal),
            "agent-9000 is reported UNREACHABLE");
        Assert.Equal(DeliveryStatus.Unreachable, (await pair.Agent8088.SendAsync("X", "testHandler", remoteServers: ["agent-9000"]))[0].Status);
        await Assert.ThrowsAsync<GatewayUnreachableException>(() => pair.Agent8088.SendRequestAsync("X", "add", remoteServer: "agent-9000"));
    }

    [Fact]
    public async Task GatewayThatFallsSilentIsUnreachableAfterThePresenceTimeoutThoughItStillListens()
    {
        var (first, _) = await NodeAsync();
        var (second, transport) = await NodeAsync(wrap: inner => new MutableTransport(inner));
        var (agent8088, _) = await GatewayAsync(first, "agent-8088");
        await GatewayAsync(second, "agent-9000");
        await Wait.UntilAsync(() => first.LiveGateways.Contains("agent-9000"), "agent-8088's node hears agent-9000");

        // A hung process: its connection and subscriptions live on, but it says nothing any more.
        ((MutableTransport)transport).Mute();

        await Wait.UntilAsync(
            () => agent8088.SendMessage("X", "testHandler", scope: "G", remoteServers: ["agent-9000"])[0].EndsWith("UNREACHABLE", StringComparison.Ordinal),
            "agent-9000 is reported UNREACHABLE");
        Assert.DoesNotContain("agent-9000", first.LiveGateways);
        Assert.Contains(Logs.GetSnapshot().Where(line => line.Id.Id == 6), line => line.Message.Contains("no heartbeat"));
    }

    [Fact]
    public async Task TypedPayloadsRoundTripExactly()
    {
        var pair = await PairAsync();
        var (remote, remoteLog) = await RemoteClientAsync(pair.Node8088, "agent-9000", new ClientIdentity { Project = "X", SessionId = "C11E0001" });
        var order = Order.Sample();

        var report = await pair.Agent8088.SendAsync("X", "typed", order, Scope.Gateway | Scope.Client, remoteServers: ["agent-9000"]);

        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Sent, DeliveryStatus.Sent], report.Select(result => result.Status));
        await Wait.UntilAsync(() => pair.Log9000.Of("typed").Count == 1 && remoteLog.Of("typed").Count == 1, "the gateway and the remote client got the order");
        Assert.True(order.SameAs((Order)pair.Log9000.Of("typed")[0].Payload!));
        Assert.True(order.SameAs((Order)remoteLog.Of("typed")[0].Payload!));
        Assert.Equal(remote.SessionId, remoteLog.Of("typed")[0].Where["client:".Length..]);
    }

    [Fact]
    public async Task DictionaryPayloadsKeepTheirClrTypes()
    {
        var pair = await PairAsync();
        var sent = Payload(
            ("int", 7), ("long", 7L), ("double", 0.1 + 0.2), ("nan", double.NaN), ("decimal", 0.1m), ("bool", true), ("text", "Grüße"), ("none", null),
            ("when", new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc)), ("id", Guid.Parse("5f0d8c4e-3a1b-4c2d-9e8f-7a6b5c4d3e2f")),
            ("span", TimeSpan.FromMilliseconds(1500)), ("bytes", new byte[] { 0, 255, 7 }),
            ("nested", Payload(("inner", 1), ("list", new List<object?> { 1, "two", 3.0 }))));

        pair.Agent8088.SendMessage("X", "testHandler", sent, scope: "G", remoteServers: ["agent-9000"]);

        await Wait.UntilAsync(() => pair.Log9000.Of("testHandler").Count == 1, "agent-9000's handler ran");
        var received = (IReadOnlyDictionary<string, object?>)pair.Log9000.Of("testHandler")[0].Payload!;
        Assert.Equal(sent.Keys, received.Keys);
        foreach (var (key, value) in sent.Where(entry => entry.Key is not ("bytes" or "nested")))
        {
            Assert.Equal(value?.GetType(), received[key]?.GetType());
            Assert.Equal(value, received[key]);
        }

        Assert.Equal(new byte[] { 0, 255, 7 }, (byte[])received["bytes"]!);
        var nested = (IReadOnlyDictionary<string, object?>)received["nested"]!;
        Assert.Equal(1, nested["inner"]);
        Assert.Equal(new List<object?> { 1, "two", 3.0 }, (List<object?>)nested["list"]!);
    }

    [Fact]
    public async Task SendsRespectRolesOnTheRemoteGateway()
    {
        var pair = await PairAsync();
        var designer = pair.Agent8088.OpenDesigner(new DesignerIdentity { User = "dev", Roles = ["Operator"] });

        var report = await designer.SendAsync("X", "testHandler", scope: Scope.Gateway, remoteServers: ["agent-9000"]);

        Assert.Equal(DeliveryStatus.Sent, report[1].Status);
        await Wait.UntilAsync(() => pair.Log9000.Of("testHandler").Count == 1, "agent-9000's handler ran");
        var sender = pair.Log9000.Of("testHandler")[0].Sender;
        Assert.Equal((EndpointKind.Designer, "agent-8088", "dev"), (sender.Kind, sender.GatewayName, sender.User));
        Assert.Equal(["Operator"], sender.Roles);
    }

    [Fact]
    public async Task NetworksWithDifferentNamesShareATransportWithoutMeeting()
    {
        var pair = await PairAsync();
        var (otherNode, _) = await NodeAsync(Options(NetworkName + "-other"));
        var (other, _) = await GatewayAsync(otherNode, "agent-other");

        var results = other.SendMessage("X", "testHandler", remoteServers: ["agent-9000"]);

        Assert.EndsWith("sendStatus=UNREACHABLE", results[0]);
        Assert.Empty(pair.Log9000.All);
    }

    [Fact]
    public async Task SecondGatewayWithTheSameNameIsRefused()
    {
        var pair = await PairAsync();
        var (third, _) = await NodeAsync();
        await using var duplicate = new Gateway("agent-9000");

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => third.JoinAsync(duplicate));

        Assert.Contains("already on network", refusal.Message);
        Assert.Equal(DeliveryStatus.Sent, (await pair.Agent8088.SendAsync("X", "testHandler", remoteServers: ["agent-9000"]))[0].Status);
    }

    [Fact]
    public async Task LiveGatewaysListsWhoIsAnnouncingAndForgetsWhoLeft()
    {
        var pair = await PairAsync();

        await Wait.UntilAsync(() => pair.Node8088.LiveGateways.SequenceEqual(["agent-8088", "agent-9000"]), "both gateways are heard");
        await pair.Agent9000.DisposeAsync();

        await Wait.UntilAsync(() => pair.Node8088.LiveGateways.SequenceEqual(["agent-8088"]), "agent-9000 is gone");
    }

    [Fact]
    public async Task TooLargeMessagesFailTheSenderBeforeAnythingIsSent()
    {
        var pair = await PairAsync();
        var huge = Payload(("blob", new string('x', 2 * 1024 * 1024)));

        var refusal = Assert.Throws<PayloadConversionException>(() => pair.Agent8088.SendMessage("X", "testHandler", huge, remoteServers: ["agent-9000"]));

        Assert.Contains("MaxMessageBytes", refusal.Message);
        Assert.Empty(pair.Log9000.All);
    }

    [Fact]
    public async Task ALoopOfSendMessageToARemoteServerReturnsWithoutARoundTripAndEveryMessageIsHandledExactlyOnce()
    {
        const int count = 2_000;
        var pair = await PairAsync();
        await Wait.UntilAsync(() => pair.Node8088.LiveGateways.Contains("agent-9000"), "agent-8088 heard agent-9000");

        // Once presence hears agent-9000, each SendMessage hands its message to the transport and returns: SENT means
        // it went to the gateway network, and the loop pipelines instead of waiting a round trip per call.
        for (var i = 0; i < count; i++)
        {
            var results = pair.Agent8088.SendMessage("X", "testHandler", Payload(("sequence", i)), scope: "G", remoteServers: ["agent-9000"]);
            Assert.EndsWith("sendStatus=SENT", Assert.Single(results));
        }

        await Wait.UntilAsync(() => pair.Log9000.Of("testHandler").Count >= count, $"agent-9000 handled all {count} messages");
        await Task.Delay(300); // A duplicate would arrive behind the last message.
        var sequences = pair.Log9000.Of("testHandler")
            .Select(delivery => (int)((IReadOnlyDictionary<string, object?>)delivery.Payload!)["sequence"]!)
            .Order()
            .ToArray();
        Assert.Equal(Enumerable.Range(0, count), sequences);
    }
}
