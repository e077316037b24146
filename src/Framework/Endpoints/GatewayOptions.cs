using Microsoft.Extensions.Logging;

namespace Switchboard;

/// <summary>Sizes, timeouts and services for a <see cref="Gateway"/>. Every size is bounded so that nothing grows without limit.</summary>
public sealed class GatewayOptions
{
    /// <summary>Worker count of the shared pool that runs <see cref="HandlerThreading.Shared"/> handlers; default: the processor count, at least 2.</summary>
    public int SharedPoolSize { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>How many shared-pool invocations may wait; beyond it a target gets <c>QUEUE_FULL</c>. Default 100,000.</summary>
    public int SharedQueueCapacity { get; set; } = 100_000;

    /// <summary>How many invocations may wait in each dedicated (and client UI) queue; default 10,000.</summary>
    public int DedicatedQueueCapacity { get; set; } = 10_000;

    /// <summary>The default request timeout (Ignition's 60 s).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long <c>DisposeAsync</c> waits for accepted messages to run before it gives up and logs what is left; default 30 s.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Where the gateway and its endpoints log; none by default.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Services for the gateway's instance handlers; clients and sessions may be given their own.</summary>
    public IServiceProvider? Services { get; set; }

    /// <summary>
    /// The clock and timers for request timeouts; <see cref="TimeProvider.System"/> by default. Tests pass a fake one
    /// (for example <c>FakeTimeProvider</c>) to time requests out without waiting.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>A validated copy, so that changing these options after the gateway was made cannot bypass validation.</summary>
    internal GatewayOptions ValidatedCopy() => new GatewayOptions
    {
        SharedPoolSize = SharedPoolSize,
        SharedQueueCapacity = SharedQueueCapacity,
        DedicatedQueueCapacity = DedicatedQueueCapacity,
        RequestTimeout = RequestTimeout,
        DrainTimeout = DrainTimeout,
        LoggerFactory = LoggerFactory,
        Services = Services,
        TimeProvider = TimeProvider,
    }.Validate();

    private GatewayOptions Validate()
    {
        Positive(SharedPoolSize, nameof(SharedPoolSize));
        Positive(SharedQueueCapacity, nameof(SharedQueueCapacity));
        Positive(DedicatedQueueCapacity, nameof(DedicatedQueueCapacity));
        PositiveTime(RequestTimeout, nameof(RequestTimeout));
        PositiveTime(DrainTimeout, nameof(DrainTimeout));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        return this;
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"GatewayOptions.{name} must be greater than zero.");
        }
    }

    private static void PositiveTime(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, $"GatewayOptions.{name} must be positive or Timeout.InfiniteTimeSpan.");
        }
    }
}
