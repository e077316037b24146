using System.Diagnostics;
using Switchboard.Network.Tests.Support;
using Switchboard.Redis;

namespace Switchboard.Network.Tests;

/// <summary>A redis-server of the test's own on a free loopback port, and nodes, gateways and remote clients on it; all stopped at the end.</summary>
public abstract class RedisFaultFixture : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> owned = [];

    protected RedisServer Redis { get; } = new();

    protected string NetworkName { get; } = "fault-" + Guid.NewGuid().ToString("N")[..8];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            await owned[i].DisposeAsync();
        }

        Redis.Dispose();
    }

    protected static GatewayNetworkOptions Options => new()
    {
        HeartbeatInterval = TimeSpan.FromMilliseconds(200),
        PresenceTimeout = TimeSpan.FromSeconds(1.5),
        RemoteResultsTimeout = TimeSpan.FromSeconds(2),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    protected async Task<GatewayNetwork> NodeAsync(TimeSpan? presenceTimeout = null)
    {
        var options = Options;
        options.NetworkName = NetworkName;
        options.PresenceTimeout = presenceTimeout ?? options.PresenceTimeout;
        var configuration = StackExchange.Redis.ConfigurationOptions.Parse(Redis.Configuration);

        // Reconnect attempts happen on StackExchange.Redis's heartbeat; a shorter one makes the many restarts here quicker.
        configuration.HeartbeatInterval = TimeSpan.FromMilliseconds(200);
        configuration.ReconnectRetryPolicy = new StackExchange.Redis.LinearRetry(100);
        var node = await RedisGatewayNetwork.ConnectAsync(configuration, options);
        owned.Add(node);
        return node;
    }

    protected async Task<(GatewayNetwork Node, Gateway Gateway, Deliveries Log)> GatewayAsync(string name, TimeSpan? presenceTimeout = null)
    {
        var node = await NodeAsync(presenceTimeout);
        var log = new Deliveries();
        var gateway = new Gateway(name, new GatewayOptions { DrainTimeout = TimeSpan.FromSeconds(5) });
        gateway.AddProject(TestProject.Registry(log));
        owned.Add(gateway);
        await node.JoinAsync(gateway);
        return (node, gateway, log);
    }

    protected async Task<(RemoteClient Client, Deliveries Log)> RemoteClientAsync(string gatewayName)
    {
        var node = await NodeAsync();
        var log = new Deliveries();
        var client = await node.ConnectClientAsync(gatewayName, new ClientIdentity { Project = "X", User = "bob" }, TestProject.Registry(log));
        owned.Add(client);
        return (client, log);
    }

    protected async Task RestartAndRecoverAsync(Gateway agent8088, RemoteClient client, Deliveries clientLog)
    {
        Redis.Restart();
        await Wait.UntilAsync(() => RoundTripAsync(agent8088, client, clientLog), "the network works again after a Redis restart");
    }

    /// <summary>A request between gateways, a send from a gateway to the remote client, and a request from the client all work.</summary>
    protected static async Task<bool> RoundTripAsync(Gateway agent8088, RemoteClient client, Deliveries clientLog)
    {
        try
        {
            // Cleared each time, so that the test's own record of deliveries does not grow with the cycles it measures.
            clientLog.All.Clear();
            var shortWait = TimeSpan.FromSeconds(1);
            if (await agent8088.SendRequestAsync<int>("X", "add", Sum(1, 2), remoteServer: "agent-9000", timeout: shortWait) != 3)
            {
                return false;
            }

            var report = await agent8088.SendAsync("X", "testHandler", scope: Scope.Client, user: "bob", remoteServers: ["agent-9000"]);
            if (report.Count != 2 || !report.AllSent)
            {
                return false;
            }

            await Wait.UntilAsync(() => clientLog.Of("testHandler").Count > 0, "the client got the message", TimeSpan.FromSeconds(2));
            return await client.SendRequestAsync<int>("X", "add", Sum(2, 2), remoteServer: "agent-8088", timeout: shortWait) == 4;
        }
        catch (Exception exception) when (exception is GatewayUnreachableException or RequestTimeoutException or TimeoutException)
        {
            return false;
        }
    }

    protected static async Task<DeliveryStatus> StatusAsync(Gateway sender) =>
        (await sender.SendAsync("X", "testHandler", scope: Scope.Gateway, remoteServers: ["agent-9000"]))[0].Status;

    protected static (int Threads, long Bytes) Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return (Process.GetCurrentProcess().Threads.Count, GC.GetTotalMemory(forceFullCollection: true));
    }

    protected static Dictionary<string, object?> Sum(int a, int b) => new() { ["a"] = a, ["b"] = b };
}
