using Switchboard.Network.Tests.Support;

namespace Switchboard.Network.Tests;

/// <summary>The GatewayNetwork sample end to end: its own redis-server, two gateway processes and a remote client process.</summary>
public sealed class GatewayNetworkSampleTests
{
    [Fact]
    public async Task TwoGatewaysAndARemoteClientRunExample3AndARemoteRequest()
    {
        using var redis = new RedisServer();
        var network = "sample-" + Guid.NewGuid().ToString("N")[..8];
        string[] where = ["--redis", redis.Configuration, "--network", network];
        using var agent8088 = SampleProcess.Start(["gateway", "agent-8088", .. where]);
        using var agent9000 = SampleProcess.Start(["gateway", "agent-9000", .. where]);
        await agent8088.WaitForLineAsync("ready");
        await agent9000.WaitForLineAsync("ready");

        using var client = SampleProcess.Start(["client", "agent-9000", "--user", "bob", .. where]);
        var exitCode = await client.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, client.Text);
        var output = client.Text;
        Assert.Contains("type=RemoteGateway,serverName=agent-8088,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=CG, user=, hasRole=},sendStatus=SENT", output);
        Assert.Contains("type=RemoteGateway,serverName=agent-9000,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=CG, user=, hasRole=},sendStatus=SENT", output);
        Assert.Contains("sendRequest add(2, 3) on agent-8088 = 5", output);
        Assert.Contains("ran testHandler with {first=Hello, second=World}", output);
        await agent8088.WaitForLineAsync("gateway agent-8088 ran testHandler with {first=Hello, second=World}");
        await agent8088.WaitForLineAsync("gateway agent-8088 answered add(2, 3) = 5");
        await agent9000.WaitForLineAsync("gateway agent-9000 ran testHandler with {first=Hello, second=World}");
        Assert.Equal(0, await agent8088.StopAsync());
        Assert.Equal(0, await agent9000.StopAsync());
    }
}
