using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Switchboard;

/// <summary>
/// Adds the hosted gateway's health checks in the Microsoft.Extensions.Diagnostics.HealthChecks convention:
/// <c>builder.Services.AddHealthChecks().AddSwitchboard()</c>, then serve them as usual (for example
/// <c>app.MapHealthChecks("/healthz")</c>).
/// </summary>
public static class SwitchboardHealthChecksBuilderExtensions
{
    /// <summary>The tag every Switchboard check carries, to select them (<c>HealthCheckOptions.Predicate</c>).</summary>
    public const string Tag = "switchboard";

    /// <summary>
    /// Adds three checks for the <see cref="Gateway"/> that <c>AddSwitchboard</c> registers:
    /// <c>switchboard-gateway</c> (unhealthy once the gateway is closed), <c>switchboard-network</c> (unhealthy while a
    /// registered <see cref="Network.GatewayNetwork"/> has lost its connection; healthy without one) and
    /// <c>switchboard-queue</c> (degraded from <paramref name="degradedQueueRatio"/> of the shared queue's capacity,
    /// unhealthy when it is full and sends get <c>QUEUE_FULL</c>).
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="degradedQueueRatio">The share of the queue's capacity from which the queue check is degraded; 0.8 by default.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degradedQueueRatio"/> is not greater than 0 and at most 1.</exception>
    public static IHealthChecksBuilder AddSwitchboard(this IHealthChecksBuilder builder, double degradedQueueRatio = 0.8)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (degradedQueueRatio is not (> 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(degradedQueueRatio), degradedQueueRatio, "The ratio must be greater than 0 and at most 1.");
        }

        string[] tags = [Tag];
        return builder
            .Add(new HealthCheckRegistration("switchboard-gateway", static services => new GatewayHealthCheck(services.GetRequiredService<Gateway>()), null, tags))
            .Add(new HealthCheckRegistration("switchboard-network", static services => new NetworkHealthCheck(services.GetService<Network.GatewayNetwork>()), null, tags))
            .Add(new HealthCheckRegistration("switchboard-queue", services => new QueueDepthHealthCheck(services.GetRequiredService<Gateway>(), degradedQueueRatio), null, tags));
    }
}
