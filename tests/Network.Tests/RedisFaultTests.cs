using System.Diagnostics;
using Switchboard.Network.Tests.Support;
using Switchboard.Redis;
using Xunit.Abstractions;

namespace Switchboard.Network.Tests;

/// <summary>Faults against a real redis-server that each test starts on a free loopback port: dead processes, Redis restarts.</summary>
public sealed class RedisFaultTests(ITestOutputHelper output) : RedisFaultFixture
{
    [Fact]
    public async Task KilledGatewayProcessIsUnreachableAndReachableAgainAfterItRestarts()
    {
        var (_, agent8088, _) = await GatewayAsync("agent-8088");
        string[] gatewayArguments = ["gateway", "agent-9000", "--redis", Redis.Configuration, "--network", NetworkName];
        using (var agent9000 = SampleProcess.Start(gatewayArguments))
        {
            await agent9000.WaitForLineAsync("ready");
            Assert.Equal(5, await agent8088.SendRequestAsync<int>("X", "add", Sum(2, 3), remoteServer: "agent-9000"));

            agent9000.Kill();
            var killed = Stopwatch.StartNew();
            await Wait.UntilAsync(async () => await StatusAsync(agent8088) == DeliveryStatus.Unreachable, "the killed gateway is UNREACHABLE", Options.PresenceTimeout + TimeSpan.FromSeconds(5));
            output.WriteLine($"UNREACHABLE {killed.ElapsedMilliseconds} ms after the kill (PresenceTimeout {Options.PresenceTimeout.TotalMilliseconds} ms)");
            await Assert.ThrowsAsync<GatewayUnreachableException>(() => agent8088.SendRequestAsync("X", "add", Sum(1, 1), remoteServer: "agent-9000"));
        }

        using var restarted = SampleProcess.Start(gatewayArguments);
        await restarted.WaitForLineAsync("ready");
        await Wait.UntilAsync(async () => await StatusAsync(agent8088) == DeliveryStatus.Sent, "the restarted gateway is reachable");
        Assert.Equal(7, await agent8088.SendRequestAsync<int>("X", "add", Sum(3, 4), remoteServer: "agent-9000"));
        Assert.Equal(0, await restarted.StopAsync());
    }

    [Fact]
    public async Task ARequestInFlightToAGatewayProcessKilledMidRequestFailsWithinSeconds()
    {
        // agent-8088 counts agent-9000 silent from its last heartbeat before the freeze. The fixture's 1.5 s is spent
        // on a loaded machine by starting `kill -STOP`, sending and waiting 200 ms, and the request then fails (or is
        // refused) before the kill, so "still in flight" below fails; 5 s leaves room and still fails it within seconds.
        var presenceTimeout = TimeSpan.FromSeconds(5);
        var (_, agent8088, _) = await GatewayAsync("agent-8088", presenceTimeout: presenceTimeout);
        using var agent9000 = SampleProcess.Start("gateway", "agent-9000", "--redis", Redis.Configuration, "--network", NetworkName);
        await agent9000.WaitForLineAsync("ready");
        Assert.Equal(5, await agent8088.SendRequestAsync<int>("X", "add", Sum(2, 3), remoteServer: "agent-9000"));

        // Frozen first, so that the request is surely delivered and unanswered when the process dies: a kill mid-request.
        agent9000.Freeze();
        var inFlight = agent8088.SendRequestAsync<int>("X", "add", Sum(1, 1), remoteServer: "agent-9000", timeout: TimeSpan.FromMinutes(5));
        await Task.Delay(200);
        Assert.False(inFlight.IsCompleted);
        agent9000.Kill();
        var killed = Stopwatch.StartNew();

        var gone = await Assert.ThrowsAsync<GatewayUnreachableException>(() => inFlight.WaitAsync(Wait.Bound));
        output.WriteLine($"the in-flight request failed {killed.ElapsedMilliseconds} ms after the kill (PresenceTimeout {presenceTimeout.TotalMilliseconds} ms): {gone.Message}");
        Assert.Equal("agent-9000", gone.ServerName);
        Assert.Contains("no heartbeat", gone.Message);
        Assert.True(killed.Elapsed < TimeSpan.FromSeconds(15), $"it took {killed.Elapsed}, not seconds");
    }

    [Fact]
    public async Task AfterARedisRestartGatewaysAndClientsReconnectOnTheirOwnAndInFlightRequestsFailClearly()
    {
        var (_, agent8088, _) = await GatewayAsync("agent-8088");
        var (_, agent9000, log9000) = await GatewayAsync("agent-9000");
        var (client, clientLog) = await RemoteClientAsync("agent-9000");
        var inFlight = agent8088.SendRequestAsync("X", "slow", remoteServer: "agent-9000");
        await log9000.SlowStarted.Task.WaitAsync(Wait.Bound);

        var restart = Stopwatch.StartNew();
        Redis.Restart();

        var lost = await Assert.ThrowsAsync<GatewayUnreachableException>(() => inFlight.WaitAsync(Wait.Bound));
        // Whichever the requester notices first under load: its own connection dropping, or the answering gateway's
        // heartbeats stopping. Both name the network as the reason.
        Assert.True(
            lost.Message.Contains("connection to the network was lost", StringComparison.Ordinal)
            || lost.Message.Contains("has sent no heartbeat", StringComparison.Ordinal),
            lost.Message);
        await Wait.UntilAsync(() => RoundTripAsync(agent8088, client, clientLog), "the gateways and the client work again");
        output.WriteLine($"everything worked again {restart.ElapsedMilliseconds} ms after the restart");
        Assert.Equal(1, agent9000.ClientCount);
        log9000.SlowGate.TrySetResult();
    }
}
