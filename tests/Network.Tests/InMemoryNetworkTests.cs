using Microsoft.Extensions.Time.Testing;
using Switchboard.Network.Tests.Support;

namespace Switchboard.Network.Tests;

/// <summary>The shared suite over the in-memory network: several gateways and clients in one process.</summary>
public sealed class InMemoryNetworkTests : NetworkSuite
{
    private readonly InMemoryNetwork hub = new();

    protected override Task<INetworkTransport> ConnectTransportAsync() => Task.FromResult<INetworkTransport>(hub.Connect());

    protected override Task SeverAsync(INetworkTransport transport)
    {
        ((InMemoryNetworkTransport)transport).Disconnect();
        return Task.CompletedTask;
    }

    protected override Task InterruptAsync(INetworkTransport transport)
    {
        var connection = (InMemoryNetworkTransport)transport;
        connection.Disconnect();
        _ = Task.Delay(300).ContinueWith(_ => connection.Reconnect(), TaskScheduler.Default);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task OnAFakeClockAnInFlightRequestFailsOnceItsGatewayHasBeenSilentForThePresenceTimeoutAndNotBefore()
    {
        var time = new FakeTimeProvider();
        var options = Options();
        options.TimeProvider = time;
        var (first, _) = await NodeAsync(options);
        var (second, secondTransport) = await NodeAsync(Options());
        var (agent8088, _) = await GatewayAsync(first, "agent-8088");
        var (_, log9000) = await GatewayAsync(second, "agent-9000");
        await Wait.UntilAsync(() => first.LiveGateways.Contains("agent-9000"), "agent-8088 heard agent-9000");

        var slow = agent8088.SendRequestAsync("X", "slow", remoteServer: "agent-9000", timeout: TimeSpan.FromMinutes(5));
        await log9000.SlowStarted.Task.WaitAsync(Wait.Bound);
        await SeverAsync(secondTransport);

        // Silent for less than PresenceTimeout (3 s): heartbeats keep sweeping, and the request keeps waiting.
        time.Advance(TimeSpan.FromSeconds(2.5));
        await Task.Delay(options.HeartbeatInterval * 5);
        Assert.False(slow.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        var gone = await Assert.ThrowsAsync<GatewayUnreachableException>(() => slow.WaitAsync(Wait.Bound));
        Assert.Contains("no heartbeat for 3.5 s", gone.Message);
        log9000.SlowGate.TrySetResult();
    }
}
