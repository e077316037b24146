using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using Switchboard.Network;

namespace Switchboard.Redis;

/// <summary>Creates a <see cref="GatewayNetwork"/> that runs on Redis, so that gateways and remote clients in different processes and machines reach each other.</summary>
/// <example>
/// <code>
/// await using var network = await RedisGatewayNetwork.ConnectAsync("localhost:6379", new GatewayNetworkOptions { NetworkName = "plant-a" });
/// await using var gateway = new Gateway("agent-8088");
/// gateway.AddProject(XMessages.Registry);
/// await network.JoinAsync(gateway);
/// </code>
/// </example>
public static class RedisGatewayNetwork
{
    /// <summary>Connects to Redis and returns a network node over it.</summary>
    /// <param name="configuration">A StackExchange.Redis configuration string, for example <c>"localhost:6379"</c> or <c>"redis.plant:6380,password=secret,ssl=true"</c>.</param>
    /// <param name="options">Network name, sizes and timeouts; defaults when <see langword="null"/>. Its logger factory also logs the Redis connection.</param>
    /// <returns>The network node; dispose it to leave.</returns>
    /// <exception cref="ArgumentException">The configuration string or an option is invalid.</exception>
    /// <exception cref="RedisConnectionException">Redis could not be reached (unless <c>abortConnect=false</c>).</exception>
    public static async Task<GatewayNetwork> ConnectAsync(string configuration, GatewayNetworkOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        return await ConnectAsync(ConfigurationOptions.Parse(configuration), options).ConfigureAwait(false);
    }

    /// <summary>Connects to Redis with StackExchange.Redis options and returns a network node over it.</summary>
    /// <param name="configuration">The Redis options (endpoints, password, TLS and its callbacks, timeouts).</param>
    /// <param name="options">
    /// Network name, key, sizes and timeouts; defaults when <see langword="null"/>. Without a
    /// <see cref="GatewayNetworkOptions.NetworkKey"/> the network is open to anyone who can publish to the Redis, and a
    /// warning says so at startup.
    /// </param>
    /// <returns>The network node; dispose it to leave.</returns>
    /// <exception cref="ArgumentException">An option is invalid (for example a network key shorter than 32 bytes).</exception>
    /// <exception cref="RedisConnectionException">Redis could not be reached (unless <see cref="ConfigurationOptions.AbortOnConnectFail"/> is off).</exception>
    public static async Task<GatewayNetwork> ConnectAsync(ConfigurationOptions configuration, GatewayNetworkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var transport = await RedisNetworkTransport.ConnectAsync(configuration, options?.LoggerFactory).ConfigureAwait(false);
        try
        {
            var network = new GatewayNetwork(transport, options);
            if (!network.IsAuthenticated)
            {
                // Loud, and at startup: an open network is a choice to make knowingly.
                RedisLog.Unauthenticated((options?.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Switchboard.Redis"), network.NetworkName);
            }

            return network;
        }
        catch
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
