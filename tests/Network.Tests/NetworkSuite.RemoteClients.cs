using Switchboard.Network.Tests.Support;

namespace Switchboard.Network.Tests;

/// <summary>Clients in another process, connected to their gateway by name.</summary>
public abstract partial class NetworkSuite
{
    [Fact]
    public async Task RemoteClientIsSelectedByTheSameFiltersAndRunsItsClientHandlers()
    {
        var pair = await PairAsync();
        var (clientNode, _) = await NodeAsync();
        var (bob, bobLog) = await RemoteClientAsync(clientNode, "agent-9000", new ClientIdentity { Project = "X", User = "bob", Roles = ["Operator"], HostName = "hmi-1", Address = "10.0.0.1" });
        var (eve, eveLog) = await RemoteClientAsync(clientNode, "agent-9000", new ClientIdentity { Project = "X", User = "eve", HostName = "hmi-2" });

        var report = await pair.Agent8088.SendAsync("X", "testHandler", Payload(("n", 1)), Scope.Client, hasRole: "operator", remoteServers: ["agent-9000"]);

        Assert.Equal(2, pair.Agent9000.ClientCount);
        Assert.Equal(
            $"type=Client,sessionId={bob.SessionId},clientAddress=10.0.0.1,clientHostName=hmi-1,project=X,messageHandler=testHandler,filterParams={{hostName=, clientSessionId=, scope=C, user=, hasRole=operator}},sendStatus=SENT",
            report[1].ToString());
        Assert.Equal(2, report.Count);
        await Wait.UntilAsync(() => bobLog.Of("testHandler").Count == 1, "bob's client handler ran in its own process");
        var delivery = bobLog.Of("testHandler")[0];
        Assert.Equal($"client:{bob.SessionId}", delivery.Where);
        Assert.Equal(Payload(("n", 1)), (IReadOnlyDictionary<string, object?>)delivery.Payload!);
        Assert.Equal("agent-8088", delivery.Sender.GatewayName);
        Assert.Empty(eveLog.All);
        Assert.Empty(pair.Log9000.All);
        Assert.Equal("agent-9000", eve.GatewayName);
    }

    [Fact]
    public async Task RemoteClientSendsAndRequestsThroughItsGatewayAsItself()
    {
        var pair = await PairAsync();
        var (clientNode, _) = await NodeAsync();
        var (bob, _) = await RemoteClientAsync(clientNode, "agent-9000", new ClientIdentity { Project = "X", User = "bob", Roles = ["Admin"] });

        var results = bob.SendMessage("X", "testHandler", Payload(("from", "bob")), scope: "G");
        var report = await bob.SendAsync("X", "testHandler", scope: Scope.Gateway, remoteServers: ["agent-8088"]);
        var who = await bob.SendRequestAsync<string>("X", "whoami");
        var secret = await bob.SendRequestAsync<string>("X", "secret");
        var remoteSum = await bob.SendRequestAsync<int>("X", "add", Payload(("a", 40), ("b", 2)), remoteServer: "agent-8088");

        Assert.Equal(["type=Gateway,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=G, user=, hasRole=},sendStatus=SENT"], results);
        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Sent], report.Select(result => result.Status));
        Assert.Equal($"Client:agent-9000:{bob.SessionId}:bob", who);
        Assert.Equal("ok", secret);
        Assert.Equal(42, remoteSum);
        await Wait.UntilAsync(() => pair.Log9000.Of("testHandler").Count == 1 && pair.Log8088.Of("testHandler").Count == 1, "both sends were delivered");
        Assert.Equal(bob.SessionId, pair.Log9000.Of("testHandler")[0].Sender.SessionId);
        Assert.Equal(bob.SessionId, pair.Log8088.Of("testHandler")[0].Sender.SessionId);
    }

    [Fact]
    public async Task ClientHandlersSendThroughTheGatewayToo()
    {
        var pair = await PairAsync();
        var (clientNode, _) = await NodeAsync();
        var (bob, bobLog) = await RemoteClientAsync(clientNode, "agent-9000", new ClientIdentity { Project = "X", User = "bob" });
        await Wait.UntilAsync(() => pair.Agent9000.ClientCount == 1, "bob is attached");

        // The client's handler context is a real Client whose sends go to its gateway.
        pair.Agent9000.SendMessage("X", "testHandler", scope: "C");
        await Wait.UntilAsync(() => bobLog.Of("testHandler").Count == 1, "bob got the message");
        var context = bob.Client;
        var report = await context.SendAsync("X", "testHandler", scope: Scope.Gateway);

        Assert.Equal([DeliveryStatus.Sent], report.Select(result => result.Status));
        await Wait.UntilAsync(() => pair.Log9000.Of("testHandler").Count == 1, "the gateway got bob's message");
    }

    [Fact]
    public async Task RemoteClientThatDiesVanishesFromSelection()
    {
        var pair = await PairAsync();
        var (clientNode, clientTransport) = await NodeAsync();
        var (bob, _) = await RemoteClientAsync(clientNode, "agent-9000", new ClientIdentity { Project = "X", User = "bob" });
        Assert.Equal(1, pair.Agent9000.ClientCount);

        await SeverAsync(clientTransport);

        await Wait.UntilAsync(() => pair.Agent9000.ClientCount == 0, "the dead client is no longer attached");
        Assert.Null(pair.Agent9000.FindEndpoint(bob.SessionId));
        Assert.DoesNotContain(pair.Agent9000.SendMessage("X", "testHandler", scope: "C", user: "bob"), line => line.Contains(bob.SessionId));
        Assert.Contains(Logs.GetSnapshot().Where(line => line.Id.Id == 24), line => line.Message.Contains(bob.SessionId));
    }

    [Fact]
    public async Task DisposedRemoteClientDetachesAtOnce()
    {
        var pair = await PairAsync();
        var (clientNode, _) = await NodeAsync();
        var (bob, _) = await RemoteClientAsync(clientNode, "agent-9000", new ClientIdentity { Project = "X" });

        await bob.DisposeAsync();

        await Wait.UntilAsync(() => pair.Agent9000.ClientCount == 0, "the client detached");
        Assert.Contains(Logs.GetSnapshot().Where(line => line.Id.Id == 34), line => line.Message.Contains(bob.SessionId));
    }

    [Fact]
    public async Task RemoteClientAttachesAgainAfterItsGatewayRestarts()
    {
        var pair = await PairAsync();
        var (clientNode, _) = await NodeAsync();
        var (bob, bobLog) = await RemoteClientAsync(clientNode, "agent-9000", new ClientIdentity { Project = "X", User = "bob" });

        await pair.Agent9000.DisposeAsync();
        Assert.EndsWith("sendStatus=UNREACHABLE", bob.SendMessage("X", "testHandler", scope: "G")[0]);
        await Assert.ThrowsAsync<GatewayUnreachableException>(() => bob.SendRequestAsync("X", "add", Payload(("a", 1), ("b", 1))));
        var (restarted, _) = await GatewayAsync(pair.Node9000, "agent-9000");

        await Wait.UntilAsync(() => restarted.FindEndpoint(bob.SessionId) is not null, "bob attached to the restarted gateway");
        var report = await restarted.SendAsync("X", "testHandler", scope: Scope.Client, user: "bob");
        Assert.Equal([DeliveryStatus.Sent], report.Select(result => result.Status));
        await Wait.UntilAsync(() => bobLog.Of("testHandler").Count == 1, "bob got the message");
        Assert.True(bob.IsConnected);
    }

    [Fact]
    public async Task ConnectingToAGatewayThatIsNotThereFailsClearly()
    {
        var (node, _) = await NodeAsync();

        var refusal = await Assert.ThrowsAsync<GatewayUnreachableException>(
            () => node.ConnectClientAsync("agent-nope", new ClientIdentity { Project = "X" }, TestProject.Registry(new Deliveries())));

        Assert.Equal("agent-nope", refusal.ServerName);
        Assert.Contains(NetworkName, refusal.Message);
    }

    [Fact]
    public async Task SessionIdInUseIsRefusedByTheGateway()
    {
        var pair = await PairAsync();
        await using var local = pair.Agent9000.ConnectClient(new ClientIdentity { Project = "X", SessionId = "5A5A5A5A" });
        var (node, _) = await NodeAsync();

        var refusal = await Assert.ThrowsAsync<ArgumentException>(
            () => node.ConnectClientAsync("agent-9000", new ClientIdentity { Project = "X", SessionId = "5A5A5A5A" }, TestProject.Registry(new Deliveries())));

        Assert.Contains("already in use", refusal.Message);
        Assert.Equal(1, pair.Agent9000.ClientCount);
    }
}
