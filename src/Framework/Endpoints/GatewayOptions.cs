using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard;

/// <summary>
/// Sizes, timeouts and services for a <see cref="Gateway"/>. Every size is bounded so that nothing grows without limit.
/// The gateway validates them when it is made: sizes greater than zero, timeouts positive or
/// <see cref="Timeout.InfiniteTimeSpan"/>; an <see cref="OptionsValidationException"/> lists every bad value.
/// </summary>
public sealed class GatewayOptions
{
    /// <summary>Worker count of the shared pool that runs <see cref="HandlerThreading.Shared"/> handlers; default: the processor count, at least 2.</summary>
    [Range(1, int.MaxValue)]
    public int SharedPoolSize { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>How many shared-pool invocations may wait; beyond it a target gets <c>QUEUE_FULL</c>. Default 100,000.</summary>
    [Range(1, int.MaxValue)]
    public int SharedQueueCapacity { get; set; } = 100_000;

    /// <summary>How many invocations may wait in each dedicated (and client UI) queue; default 10,000.</summary>
    [Range(1, int.MaxValue)]
    public int DedicatedQueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// What an awaited send (<c>SendAsync</c>, the typed <c>Send…Async</c> stubs) does when a target's queue is full:
    /// wait for room (<see cref="QueueFullMode.Wait"/>, the default) or report <c>QUEUE_FULL</c> at once
    /// (<see cref="QueueFullMode.Report"/>). <c>SendMessage</c> always reports at once, as Ignition's fire-and-forget.
    /// </summary>
    [EnumDataType(typeof(QueueFullMode))]
    public QueueFullMode QueueFullMode { get; set; } = QueueFullMode.Wait;

    /// <summary>
    /// The default request timeout (Ignition's 60 s). On <see cref="TimeProvider.System"/> it is kept to the tick of
    /// <see cref="Environment.TickCount64"/>, the clock .NET's timers use (1–16 ms, by platform).
    /// </summary>
    [PositiveTimeout]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long <c>DisposeAsync</c> waits for accepted messages to run before it gives up and logs what is left; default 30 s.</summary>
    [PositiveTimeout]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Where the gateway and its endpoints log; none by default.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Services for the gateway's instance handlers; clients and sessions may be given their own.</summary>
    public IServiceProvider? Services { get; set; }

    /// <summary>
    /// The clock and timers for request timeouts; <see cref="TimeProvider.System"/> by default. Tests pass a fake one
    /// (for example <c>FakeTimeProvider</c>) to time requests out without waiting.
    /// </summary>
    [Required]
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>A validated copy, so that changing these options after the gateway was made cannot bypass validation.</summary>
    /// <exception cref="OptionsValidationException">A value is out of range; the exception lists every bad value.</exception>
    internal GatewayOptions ValidatedCopy(string? name = null)
    {
        var copy = new GatewayOptions
        {
            SharedPoolSize = SharedPoolSize,
            SharedQueueCapacity = SharedQueueCapacity,
            DedicatedQueueCapacity = DedicatedQueueCapacity,
            QueueFullMode = QueueFullMode,
            RequestTimeout = RequestTimeout,
            DrainTimeout = DrainTimeout,
            LoggerFactory = LoggerFactory,
            Services = Services,
            TimeProvider = TimeProvider,
        };
        var result = GatewayOptionsValidator.Instance.Validate(name, copy);
        return result.Failed
            ? throw new OptionsValidationException(name ?? nameof(GatewayOptions), typeof(GatewayOptions), result.Failures)
            : copy;
    }
}
