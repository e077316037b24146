using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Switchboard;

namespace OpenTelemetry;

/// <summary>
/// Adds Switchboard's spans and metrics to an OpenTelemetry pipeline, in OpenTelemetry's convention:
/// <c>.WithTracing(tracing => tracing.AddSwitchboardInstrumentation())</c> and
/// <c>.WithMetrics(metrics => metrics.AddSwitchboardInstrumentation())</c>.
/// </summary>
/// <remarks>
/// The spans follow OpenTelemetry's semantic conventions for messaging (<c>messaging.system</c>,
/// <c>messaging.operation.name</c>, <c>messaging.operation.type</c>, <c>messaging.destination.name</c>); durations are
/// in seconds. See <see cref="SwitchboardTelemetry"/> for every span and instrument.
/// </remarks>
public static class SwitchboardInstrumentationExtensions
{
    /// <summary>Subscribes the tracer provider to Switchboard's activity source (<c>Switchboard</c>).</summary>
    /// <param name="builder">The tracer provider builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static TracerProviderBuilder AddSwitchboardInstrumentation(this TracerProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSource(SwitchboardTelemetry.Name);
    }

    /// <summary>Subscribes the meter provider to Switchboard's meter (<c>Switchboard</c>).</summary>
    /// <param name="builder">The meter provider builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static MeterProviderBuilder AddSwitchboardInstrumentation(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMeter(SwitchboardTelemetry.Name);
    }
}
