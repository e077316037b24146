using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard.Redis;

/// <summary>
/// Connects the hosted gateway to its Redis network when the host starts, and leaves it only once the gateway has
/// drained when the host stops.
/// </summary>
/// <remarks>
/// Stopping order is what keeps messages: <c>Gateway.DisposeAsync</c> (run by AddSwitchboard's hosted service) first
/// leaves the network, so that peers stop sending and see it go, then drains the messages it accepted while the Redis
/// connection still carries their replies to remote requesters. Only then may the connection close. Hosted services
/// stop in reverse order of registration, so this one, registered after AddSwitchboard, would stop before the gateway
/// drains; it therefore closes the network in <see cref="StoppedAsync"/>, which the host runs after every
/// <c>StopAsync</c>.
/// </remarks>
internal sealed class RedisNetworkHostedService(
    Gateway gateway, HostedRedisNetwork hosted, IOptions<RedisNetworkHostingOptions> options, ILoggerFactory? loggerFactory = null, IHostEnvironment? environment = null)
    : IHostedLifecycleService
{
    /// <summary>Connects and joins before any hosted service's <c>StartAsync</c>, so those can already send to remote servers.</summary>
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var redis = settings.ToRedisConfiguration();
        settings.ThrowIfUnauthenticatedInProduction(environment?.IsProduction() ?? false);
        var network = await RedisGatewayNetwork.ConnectAsync(redis, settings.ToNetworkOptions(loggerFactory)).ConfigureAwait(false);
        try
        {
            await network.JoinAsync(gateway, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await network.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        hosted.Set(network);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Closes the network once every hosted service has stopped, and so after the gateway has drained.</summary>
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        // Normally already closed by AddSwitchboard's hosted service; closing again is a no-op, and makes the order certain.
        await gateway.DisposeAsync().ConfigureAwait(false);
        await hosted.DisposeAsync().ConfigureAwait(false);
    }
}
