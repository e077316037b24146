using System.Collections.Concurrent;
using StackExchange.Redis;
using Switchboard.Network.Tests.Support;
using Switchboard.Redis;

namespace Switchboard.Network.Tests;

/// <summary>The shared suite over Redis: every node has its own connection to a real redis-server.</summary>
public sealed class RedisNetworkTests(RedisNetworkTests.Server server) : NetworkSuite, IClassFixture<RedisNetworkTests.Server>
{
    private readonly ConcurrentDictionary<INetworkTransport, string> clientNames = new();

    protected override async Task<INetworkTransport> ConnectTransportAsync()
    {
        var options = ConfigurationOptions.Parse(server.Redis.Configuration);
        options.ClientName = "node-" + Guid.NewGuid().ToString("N")[..12];
        var transport = await RedisNetworkTransport.ConnectAsync(options, Loggers);
        clientNames[transport] = options.ClientName;
        return transport;
    }

    protected override async Task SeverAsync(INetworkTransport transport) => await transport.DisposeAsync();

    protected override async Task InterruptAsync(INetworkTransport transport)
    {
        // Redis closes the node's connections as if the network had dropped them; StackExchange.Redis reconnects.
        var name = ClientNameOf(transport);
        var killed = 0L;
        foreach (var client in await server.Admin.ClientListAsync())
        {
            if (client.Name == name)
            {
                await server.Admin.ClientKillAsync(client.Id);
                killed++;
            }
        }

        Assert.True(killed > 0, $"no Redis connection is named {name}");
    }

    private string ClientNameOf(INetworkTransport transport) => clientNames.TryGetValue(transport, out var name) ? name : throw new InvalidOperationException("unknown transport");

    /// <summary>One redis-server for the whole class; every test uses its own network name on it.</summary>
    public sealed class Server : IAsyncLifetime
    {
        public RedisServer Redis { get; } = new();

        public IServer Admin { get; private set; } = null!;

        private ConnectionMultiplexer? admin;

        public async Task InitializeAsync()
        {
            var options = ConfigurationOptions.Parse(Redis.Configuration);
            options.AllowAdmin = true;
            admin = await ConnectionMultiplexer.ConnectAsync(options);
            Admin = admin.GetServer(admin.GetEndPoints()[0]);
        }

        public async Task DisposeAsync()
        {
            if (admin is not null)
            {
                await admin.DisposeAsync();
            }

            Redis.Dispose();
        }
    }
}
