using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchboard.Network.Tests.Support;
using Switchboard.Redis;

namespace Switchboard.Network.Tests;

/// <summary>
/// <c>AddSwitchboard().AddRedisNetwork()</c> in Generic Hosts over a real redis-server: two hosts reach each other by
/// name, a stopping host drains before it leaves the Redis connection, and bad configuration fails the start with
/// the key to fix.
/// </summary>
public sealed class RedisHostingTests(RedisNetworkTests.Server server) : IClassFixture<RedisNetworkTests.Server>
{
    private const string Key = "hosting-tests-network-key-of-32+-bytes";

    private readonly string network = "hosting-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task AProductionHostWithoutANetworkKeyRefusesToStartNamingTheKeys()
    {
        using var host = BuildHost("agent-8088", new Deliveries(), new() { ["Switchboard:Redis:NetworkKey"] = null });

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("Switchboard:Redis:NetworkKey", refused.Message);
        Assert.Contains("Switchboard:Redis:AllowUnauthenticated", refused.Message);
        Assert.Equal(Environments.Production, host.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
    }

    [Fact]
    public async Task AllowUnauthenticatedStartsAProductionHostWithoutAKeyButWarns()
    {
        var logs = new FakeLogCollector();
        using var host = BuildHost(
            "agent-8088", new Deliveries(), new() { ["Switchboard:Redis:NetworkKey"] = null, ["Switchboard:Redis:AllowUnauthenticated"] = "true" },
            configure: options => options.ConfigureRedis = null,
            logs: logs);
        await host.StartAsync();
        try
        {
            Assert.False(host.Services.GetRequiredService<GatewayNetwork>().IsAuthenticated);
            Assert.Contains(logs.WithEventId(43), line => line.Message.Contains("has no NetworkKey", StringComparison.Ordinal));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task TheNetworkKeyAndPreviousKeysAreBoundFromConfiguration()
    {
        using var host = await StartHostAsync("agent-8088", new Deliveries(), new()
        {
            ["Switchboard:Redis:AcceptedNetworkKeys:0"] = "an-older-network-key-also-32-bytes-long",
            ["Switchboard:Redis:ReplayWindow"] = "00:00:10",
            ["Switchboard:Redis:MaxRemoteServers"] = "8",
        });

        var options = host.Services.GetRequiredService<GatewayNetwork>().Options;

        Assert.True(host.Services.GetRequiredService<GatewayNetwork>().IsAuthenticated);
        Assert.Equal(Key, options.NetworkKey);
        Assert.Equal(["an-older-network-key-also-32-bytes-long"], options.AcceptedNetworkKeys);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ReplayWindow);
        Assert.Equal(8, options.MaxRemoteServers);
        await host.StopAsync();
    }

    [Fact]
    public async Task ARemoteServersSendFromOneHostRunsTheHandlerOfTheOther()
    {
        var agent8088Log = new Deliveries();
        var agent9000Log = new Deliveries();
        using var agent8088 = await StartHostAsync("agent-8088", agent8088Log);
        using var agent9000 = await StartHostAsync("agent-9000", agent9000Log);

        var sender = agent8088.Services.GetRequiredService<IMessageSender>();
        var report = await sender.SendAsync(
            TestProject.Name, "testHandler", new Dictionary<string, object?> { ["first"] = "Hello" }, Scope.Gateway, remoteServers: ["agent-9000"]);

        Assert.Contains(
            "type=RemoteGateway,serverName=agent-9000,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=G, user=, hasRole=},sendStatus=SENT",
            report.ToStrings());
        Assert.Contains(report, result => result.Type == DeliveryTargetType.Gateway && result.ServerName == "agent-9000" && result.Status == DeliveryStatus.Sent);
        await Wait.UntilAsync(() => agent9000Log.Of("testHandler", "gateway:agent-9000").Count == 1, "agent-9000's gateway handler ran");
        var delivery = agent9000Log.Of("testHandler", "gateway:agent-9000").Single();
        Assert.Equal("agent-8088", delivery.Sender.GatewayName);
        Assert.Equal("Hello", ((IReadOnlyDictionary<string, object?>)delivery.Payload!)["first"]);
        Assert.Empty(agent8088Log.All);
    }

    [Fact]
    public async Task TheNetworkIsInDependencyInjectionWithTheConfiguredOptions()
    {
        using var host = await StartHostAsync("agent-8088", new Deliveries(), new()
        {
            ["Switchboard:Redis:HeartbeatInterval"] = "00:00:00.250",
            ["Switchboard:Redis:InboundQueueCapacity"] = "500",
            ["Switchboard:Redis:ConfirmRemoteSends"] = "false",
        });

        var gatewayNetwork = host.Services.GetRequiredService<GatewayNetwork>();

        Assert.Equal(network, gatewayNetwork.NetworkName);
        Assert.Equal(TimeSpan.FromMilliseconds(250), gatewayNetwork.Options.HeartbeatInterval);
        Assert.Equal(500, gatewayNetwork.Options.InboundQueueCapacity);
        Assert.False(gatewayNetwork.Options.ConfirmRemoteSends);
        Assert.True(gatewayNetwork.IsConnected);
        await Wait.UntilAsync(() => gatewayNetwork.LiveGateways.Contains("agent-8088"), "the hosted gateway announced itself on the network");
    }

    [Fact]
    public async Task AStoppingHostAnswersTheRemoteRequestItIsRunningBeforeItLeavesRedis()
    {
        var agent8088Log = new Deliveries();
        using var agent8088 = await StartHostAsync("agent-8088", agent8088Log);
        using var agent9000 = await StartHostAsync("agent-9000", new Deliveries());
        var agent8088Network = agent8088.Services.GetRequiredService<GatewayNetwork>();
        var requester = agent9000.Services.GetRequiredService<IMessageSender>();

        var request = requester.SendRequestAsync<string>(TestProject.Name, "slow", remoteServer: "agent-8088", timeout: TimeSpan.FromSeconds(20));
        await agent8088Log.SlowStarted.Task.WaitAsync(Wait.Bound);
        var stopping = agent8088.StopAsync();
        await Wait.UntilAsync(() => agent8088.Services.GetRequiredService<Gateway>().IsClosed, "agent-8088 began to close");

        // The gateway is draining the request it accepted: the host has not stopped, and Redis is still connected.
        Assert.False(stopping.IsCompleted);
        Assert.True(agent8088Network.IsConnected);
        agent8088Log.SlowGate.SetResult();

        Assert.Equal("done", await request);
        await stopping.WaitAsync(Wait.Bound);
        Assert.False(agent8088Network.IsConnected);
        var afterStop = await requester.SendAsync(TestProject.Name, "testHandler", scope: Scope.Gateway, remoteServers: ["agent-8088"]);
        Assert.Equal(DeliveryStatus.Unreachable, Assert.Single(afterStop, result => result.Type == DeliveryTargetType.RemoteGateway).Status);
    }

    [Fact]
    public async Task AMissingConnectionStringFailsTheStartNamingTheKey()
    {
        using var host = BuildHost("agent-8088", new Deliveries(), new() { ["Switchboard:Redis:ConnectionString"] = null });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("no connection string", failure.Message);
        Assert.Contains("Switchboard:Redis:ConnectionString", failure.Message);
    }

    [Fact]
    public async Task AMalformedConnectionStringFailsTheStartNamingTheKeyButNotThePassword()
    {
        using var host = BuildHost("agent-8088", new Deliveries(), new() { ["Switchboard:Redis:ConnectionString"] = "127.0.0.1:1,password=hunter2,connectTimeout=soon" });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("Switchboard:Redis:ConnectionString", failure.Message);
        Assert.Contains("connectTimeout", failure.Message);
        Assert.DoesNotContain("hunter2", failure.Message);
    }

    [Fact]
    public async Task AMalformedOptionFailsTheStartNamingTheKeyAndTheValue()
    {
        using var host = BuildHost("agent-8088", new Deliveries(), new() { ["Switchboard:Redis:PresenceTimeout"] = "five seconds" });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Equal("The configuration value \"five seconds\" at Switchboard:Redis:PresenceTimeout is not a valid System.TimeSpan.", failure.Message);
    }

    [Fact]
    public async Task AConfirmRemoteSendsThatIsNotABooleanFailsTheStartNamingTheKey()
    {
        using var host = BuildHost("agent-8088", new Deliveries(), new() { ["Switchboard:Redis:ConfirmRemoteSends"] = "sometimes" });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Equal("The configuration value \"sometimes\" at Switchboard:Redis:ConfirmRemoteSends is not a valid System.Boolean.", failure.Message);
    }

    [Fact]
    public void TheNetworkCannotBeResolvedBeforeTheHostHasStartedIt()
    {
        using var host = BuildHost("agent-8088", new Deliveries());

        var failure = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<GatewayNetwork>());

        Assert.Contains("connects when the host starts", failure.Message);
    }

    [Fact]
    public async Task CodeConfigurationRunsAfterTheConfigurationSection()
    {
        using var host = BuildHost(
            "agent-8088",
            new Deliveries(),
            new() { ["Switchboard:Redis:ConnectionString"] = null },
            options => options.ConnectionString = server.Redis.Configuration);

        await host.StartAsync();
        try
        {
            Assert.True(host.Services.GetRequiredService<GatewayNetwork>().IsConnected);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private async Task<IHost> StartHostAsync(string name, Deliveries log, Dictionary<string, string?>? settings = null)
    {
        var host = BuildHost(name, log, settings);
        await host.StartAsync();
        return host;
    }

    /// <summary>A host configured only from memory (no files, environment or command line), as appsettings.json would configure it.</summary>
    private IHost BuildHost(
        string name, Deliveries log, Dictionary<string, string?>? settings = null, Action<RedisNetworkHostingOptions>? configure = null, FakeLogCollector? logs = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (logs is not null)
        {
            builder.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(new Microsoft.Extensions.Logging.LoggerFactory([new FakeLoggerProvider(logs)]));
        }

        var configuration = new Dictionary<string, string?>
        {
            ["Switchboard:Name"] = name,
            ["Switchboard:Redis:ConnectionString"] = server.Redis.Configuration,
            ["Switchboard:Redis:NetworkName"] = network,
            ["Switchboard:Redis:NetworkKey"] = Key,
        };
        foreach (var (key, value) in settings ?? [])
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddSwitchboard().AddProject(TestProject.Registry(log)).AddRedisNetwork(configure);
        return builder.Build();
    }
}
