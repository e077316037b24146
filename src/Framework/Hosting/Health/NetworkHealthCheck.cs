using Microsoft.Extensions.Diagnostics.HealthChecks;
using Switchboard.Network;

namespace Switchboard;

/// <summary>Unhealthy while the registered gateway network has lost its connection; healthy when none is registered.</summary>
internal sealed class NetworkHealthCheck(GatewayNetwork? network) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (network is null)
        {
            return Task.FromResult(HealthCheckResult.Healthy("No gateway network is registered: the gateway runs on its own."));
        }

        var data = new Dictionary<string, object>
        {
            ["network"] = network.NetworkName,
            ["liveGateways"] = network.LiveGateways.Count,
        };
        return Task.FromResult(network.IsConnected
            ? HealthCheckResult.Healthy($"Connected to gateway network \"{network.NetworkName}\".", data)
            : new HealthCheckResult(
                context.Registration.FailureStatus,
                $"Not connected to gateway network \"{network.NetworkName}\": remote servers are UNREACHABLE until it reconnects.",
                data: data));
    }
}
