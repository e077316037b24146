using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Switchboard;

/// <summary>Healthy while the gateway accepts sends; unhealthy once it is closed.</summary>
internal sealed class GatewayHealthCheck(Gateway gateway) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["gateway"] = gateway.Name,
            ["projects"] = gateway.Projects.Count,
            ["clients"] = gateway.ClientCount,
            ["sessions"] = gateway.SessionCount,
        };
        return Task.FromResult(gateway.IsClosed
            ? new HealthCheckResult(context.Registration.FailureStatus, $"Gateway \"{gateway.Name}\" is closed.", data: data)
            : HealthCheckResult.Healthy($"Gateway \"{gateway.Name}\" is running.", data));
    }
}
