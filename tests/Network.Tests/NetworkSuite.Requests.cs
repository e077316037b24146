using Switchboard.Network.Tests.Support;

namespace Switchboard.Network.Tests;

/// <summary>sendRequest with remoteServer.</summary>
public abstract partial class NetworkSuite
{
    [Fact]
    public async Task RemoteRequestReturnsTheRemoteHandlersValue()
    {
        var pair = await PairAsync();
        var order = Order.Sample();

        var sum = await pair.Agent8088.SendRequestAsync<int>("X", "add", Payload(("a", 2), ("b", 3)), remoteServer: "agent-9000");
        var untyped = await pair.Agent8088.SendRequestAsync("X", "add", Payload(("a", 20), ("b", 22)), remoteServer: "agent-9000");
        var echoed = await pair.Agent8088.SendRequestAsync<Order>("X", "echo", order, remoteServer: "agent-9000");
        var nothing = await pair.Agent8088.SendRequestAsync<string?>("X", "nothing", remoteServer: "agent-9000");
        var unbounded = await pair.Agent8088.SendRequestAsync<int>("X", "add", Payload(("a", 1), ("b", 1)), remoteServer: "agent-9000", timeout: Timeout.InfiniteTimeSpan);

        Assert.Equal(5, sum);
        Assert.Equal(42, Assert.IsType<int>(untyped));
        Assert.True(order.SameAs(echoed));
        Assert.Null(nothing);
        Assert.Equal(2, unbounded);
    }

    [Fact]
    public async Task ClosingTheAnsweringNodeWaitsForTheReplyOfTheRequestItIsRunning()
    {
        var (node8088, _) = await NodeAsync();
        RecordingTransport? transport9000 = null;
        var (node9000, _) = await NodeAsync(wrap: transport => transport9000 = new RecordingTransport(transport));
        var (agent8088, _) = await GatewayAsync(node8088, "agent-8088");
        var (_, log9000) = await GatewayAsync(node9000, "agent-9000");
        var request = agent8088.SendRequestAsync<string>("X", "slow", remoteServer: "agent-9000", timeout: TimeSpan.FromSeconds(30));
        await log9000.SlowStarted.Task.WaitAsync(Wait.Bound);

        // The node leaves at once, but owes a reply: a node that did not wait would close its connection within this second.
        var closing = node9000.DisposeAsync().AsTask();
        await Task.WhenAny(transport9000!.Disposed, Task.Delay(TimeSpan.FromSeconds(1)));
        Assert.False(transport9000.Disposed.IsCompleted, "the node closed its connection while it still owed a reply");
        log9000.SlowGate.SetResult();

        Assert.Equal("done", await request.WaitAsync(Wait.Bound));
        await closing.WaitAsync(Wait.Bound);
        Assert.True(transport9000.Disposed.IsCompleted);
    }

    [Fact]
    public async Task RemoteHandlerSeesTheOriginalSender()
    {
        var pair = await PairAsync();
        await using var bob = pair.Agent8088.ConnectClient(new ClientIdentity { Project = "X", User = "bob", SessionId = "B0B00001" });

        var who = await bob.SendRequestAsync<string>("X", "whoami", remoteServer: "agent-9000");

        Assert.Equal("Client:agent-8088:B0B00001:bob", who);
    }

    [Fact]
    public async Task RemoteRequestFailuresAreTheSameExceptionsAsLocally()
    {
        var pair = await PairAsync();
        await using var bob = pair.Agent8088.ConnectClient(new ClientIdentity { Project = "X", User = "bob" });

        var notFound = await Assert.ThrowsAsync<MessageHandlerNotFoundException>(() => pair.Agent8088.SendRequestAsync("X", "nosuch", remoteServer: "agent-9000"));
        var failed = await Assert.ThrowsAsync<MessageHandlerFailedException>(() => pair.Agent8088.SendRequestAsync("X", "fail", remoteServer: "agent-9000"));
        var denied = await Assert.ThrowsAsync<MessageDeniedException>(() => bob.SendRequestAsync("X", "secret", remoteServer: "agent-9000"));
        var unreachable = await Assert.ThrowsAsync<GatewayUnreachableException>(() => pair.Agent8088.SendRequestAsync("X", "add", remoteServer: "agent-nope"));
        var wrongPayload = await Assert.ThrowsAsync<PayloadConversionException>(() => pair.Agent8088.SendRequestAsync("X", "echo", Payload(("Id", "not a number")), remoteServer: "agent-9000"));

        Assert.Equal("agent-9000", notFound.GatewayName);
        Assert.Contains("could not be found", notFound.Message);
        var remote = Assert.IsType<RemoteHandlerException>(failed.InnerException);
        Assert.Equal(("System.InvalidOperationException", "boom", "agent-9000"), (remote.RemoteType, remote.Message, remote.ServerName));
        Assert.Contains("boom", failed.Message);
        Assert.Equal("Admin", denied.RequiredRole);
        Assert.Equal("agent-nope", unreachable.ServerName);
        Assert.Contains("agent-9000", wrongPayload.Message);
        Assert.Equal("ok", await pair.Agent8088.SendRequestAsync<string>("X", "secret", remoteServer: "agent-9000"));
    }

    [Fact]
    public async Task RemoteRequestTimesOutAndTheRemoteHandlerIsCancelled()
    {
        var pair = await PairAsync();

        // The handler must have started for there to be something to cancel: a request read after its deadline is
        // dropped as expired, and one that expires while queued is not run, so SlowCancelled would never come. The
        // timeout is the suite's 3 s budget for a message to cross a loaded machine, not 300 ms.
        var request = pair.Agent8088.SendRequestAsync("X", "slow", remoteServer: "agent-9000", timeout: TimeSpan.FromSeconds(3));
        await pair.Log9000.SlowStarted.Task.WaitAsync(Wait.Bound);
        var timeout = await Assert.ThrowsAsync<RequestTimeoutException>(() => request);

        Assert.Equal(TimeSpan.FromSeconds(3), timeout.Timeout);
        await pair.Log9000.SlowCancelled.Task.WaitAsync(Wait.Bound);
    }

    [Fact]
    public async Task CancellingARemoteRequestThrowsAndCancelsTheRemoteHandler()
    {
        var pair = await PairAsync();
        using var cancel = new CancellationTokenSource();

        var request = pair.Agent8088.SendRequestAsync("X", "slow", remoteServer: "agent-9000", cancellationToken: cancel.Token);
        await pair.Log9000.SlowStarted.Task.WaitAsync(Wait.Bound);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        await pair.Log9000.SlowCancelled.Task.WaitAsync(Wait.Bound);
    }

    [Fact]
    public async Task SlowRemoteHandlerDoesNotBlockOtherTraffic()
    {
        var pair = await PairAsync();
        var slow = pair.Agent8088.SendRequestAsync<string>("X", "slow", remoteServer: "agent-9000");
        await pair.Log9000.SlowStarted.Task.WaitAsync(Wait.Bound);

        // While it waits, other requests and sends between the same two gateways go through.
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(i + 1, await pair.Agent8088.SendRequestAsync<int>("X", "add", Payload(("a", i), ("b", 1)), remoteServer: "agent-9000"));
            Assert.Equal(DeliveryStatus.Sent, (await pair.Agent8088.SendAsync("X", "testHandler", scope: Scope.Gateway, remoteServers: ["agent-9000"]))[1].Status);
        }

        Assert.False(slow.IsCompleted);
        pair.Log9000.SlowGate.SetResult();
        Assert.Equal("done", await slow.WaitAsync(Wait.Bound));
        await Wait.UntilAsync(() => pair.Log9000.Of("testHandler").Count == 20, "all sends were delivered");
    }

    [Fact]
    public async Task InFlightRequestsFailClearlyWhenTheConnectionDropsAndWorkAgainAfterwards()
    {
        var pair = await PairAsync();
        var slow = pair.Agent8088.SendRequestAsync("X", "slow", remoteServer: "agent-9000");
        await pair.Log9000.SlowStarted.Task.WaitAsync(Wait.Bound);

        await InterruptAsync(pair.Transport8088);

        var lost = await Assert.ThrowsAsync<GatewayUnreachableException>(() => slow.WaitAsync(Wait.Bound));
        Assert.Contains("lost", lost.Message);
        Assert.Equal("agent-9000", lost.ServerName);
        await Wait.UntilAsync(
            async () =>
            {
                try
                {
                    return await pair.Agent8088.SendRequestAsync<int>("X", "add", Payload(("a", 1), ("b", 1)), remoteServer: "agent-9000", timeout: TimeSpan.FromSeconds(2)) == 2;
                }
                catch (Exception exception) when (exception is GatewayUnreachableException or RequestTimeoutException)
                {
                    return false;
                }
            },
            "requests work again after the connection came back");
        pair.Log9000.SlowGate.SetResult();
    }

    [Fact]
    public async Task AnInFlightRequestToAGatewayThatDiesFailsAsSoonAsPresenceSaysItIsGone()
    {
        var pair = await PairAsync();
        var slow = pair.Agent8088.SendRequestAsync("X", "slow", remoteServer: "agent-9000", timeout: TimeSpan.FromMinutes(5));
        await pair.Log9000.SlowStarted.Task.WaitAsync(Wait.Bound);

        // The serving gateway's process dies: no leaving message, no reply, only its heartbeats stop.
        await SeverAsync(pair.Transport9000);

        // PresenceTimeout is 3 s here; the request's own timeout (5 min) is far beyond the bound.
        var gone = await Assert.ThrowsAsync<GatewayUnreachableException>(() => slow.WaitAsync(Wait.Bound));
        Assert.Equal("agent-9000", gone.ServerName);
        Assert.Contains("no heartbeat", gone.Message);
        Assert.Contains("while the message was in flight", gone.Message);
    }
}
