using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Switchboard;

/// <summary>The shared pool's queue against its bound: degraded from a share of its capacity, unhealthy when full.</summary>
internal sealed class QueueDepthHealthCheck(Gateway gateway, double degradedRatio) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var depth = gateway.SharedPool.Count;
        var capacity = gateway.Options.SharedQueueCapacity;
        var data = new Dictionary<string, object> { ["depth"] = depth, ["capacity"] = capacity };
        var text = $"{depth} of {capacity} shared-queue places in use on gateway \"{gateway.Name}\"";
        var result = depth >= capacity
            ? new HealthCheckResult(context.Registration.FailureStatus, text + ": the queue is full and sends get QUEUE_FULL.", data: data)
            : depth >= degradedRatio * capacity
                ? HealthCheckResult.Degraded(text + ".", data: data)
                : HealthCheckResult.Healthy(text + ".", data);
        return Task.FromResult(result);
    }
}
