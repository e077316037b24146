using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Switchboard.Network.Tests.Support;

namespace Switchboard.Network.Tests;

/// <summary>
/// The gateway network's behaviour, written once and run against every transport: the in-memory network and Redis.
/// Each node is one connection, as one process would have; each test uses a network name of its own.
/// </summary>
public abstract partial class NetworkSuite : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> owned = [];

    protected NetworkSuite()
    {
        NetworkName = "test-" + Guid.NewGuid().ToString("N")[..12];
    }

    protected string NetworkName { get; }

    private ILoggerFactory? loggers;

    protected FakeLogCollector Logs { get; } = new();

    /// <summary>Loggers that write to <see cref="Logs"/>.</summary>
    protected ILoggerFactory Loggers => loggers ??= new LoggerFactory([new FakeLoggerProvider(Logs)]);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            await owned[i].DisposeAsync();
        }
    }

    /// <summary>Opens a new connection (one process's) to the network under test.</summary>
    protected abstract Task<INetworkTransport> ConnectTransportAsync();

    /// <summary>Cuts a node's connection for good, as if its process had died.</summary>
    protected abstract Task SeverAsync(INetworkTransport transport);

    /// <summary>Drops a node's connection; it comes back on its own.</summary>
    protected abstract Task InterruptAsync(INetworkTransport transport);

    protected GatewayNetworkOptions Options(string? networkName = null) => new()
    {
        NetworkName = networkName ?? NetworkName,
        HeartbeatInterval = TimeSpan.FromMilliseconds(100),

        // Generous against a loaded machine: tests of silence wait for it rather than time it.
        PresenceTimeout = TimeSpan.FromSeconds(3),
        RemoteResultsTimeout = TimeSpan.FromSeconds(3),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        LoggerFactory = Loggers,
    };

    protected async Task<(GatewayNetwork Node, INetworkTransport Transport)> NodeAsync(
        GatewayNetworkOptions? options = null, Func<INetworkTransport, INetworkTransport>? wrap = null)
    {
        var transport = await ConnectTransportAsync();
        transport = wrap?.Invoke(transport) ?? transport;
        var node = new GatewayNetwork(transport, options ?? Options());
        owned.Add(node);
        return (node, transport);
    }

    protected async Task<(Gateway Gateway, Deliveries Log)> GatewayAsync(GatewayNetwork node, string name)
    {
        var log = new Deliveries();
        var gateway = new Gateway(name, new GatewayOptions { LoggerFactory = Loggers, DrainTimeout = TimeSpan.FromSeconds(5) });
        gateway.AddProject(TestProject.Registry(log));
        owned.Add(gateway);
        await node.JoinAsync(gateway);
        return (gateway, log);
    }

    protected async Task<(RemoteClient Client, Deliveries Log)> RemoteClientAsync(GatewayNetwork node, string gatewayName, ClientIdentity identity)
    {
        var log = new Deliveries();
        var client = await node.ConnectClientAsync(gatewayName, identity, TestProject.Registry(log), new GatewayOptions { LoggerFactory = Loggers });
        owned.Add(client);
        return (client, log);
    }

    /// <summary>Two gateways on two nodes, as in Ignition's Example 3, each with a local client and session.</summary>
    protected async Task<Pair> PairAsync()
    {
        var (first, firstTransport) = await NodeAsync();
        var (second, secondTransport) = await NodeAsync();
        var (agent8088, log8088) = await GatewayAsync(first, "agent-8088");
        var (agent9000, log9000) = await GatewayAsync(second, "agent-9000");
        return new Pair(first, firstTransport, agent8088, log8088, second, secondTransport, agent9000, log9000);
    }

    protected static Dictionary<string, object?> Payload(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(entry => entry.Key, entry => entry.Value);

    protected sealed record Pair(
        GatewayNetwork Node8088,
        INetworkTransport Transport8088,
        Gateway Agent8088,
        Deliveries Log8088,
        GatewayNetwork Node9000,
        INetworkTransport Transport9000,
        Gateway Agent9000,
        Deliveries Log9000);
}
