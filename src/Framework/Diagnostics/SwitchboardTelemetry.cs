using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Switchboard;

/// <summary>
/// The <see cref="ActivitySource"/> and <see cref="Meter"/> named <c>Switchboard</c>: spans for send, deliver and
/// request, and counters for what was sent, delivered, failed and denied, queue depth and request latency.
/// Listen with OpenTelemetry (<c>AddSource("Switchboard")</c>, <c>AddMeter("Switchboard")</c>) or any listener.
/// </summary>
public static class SwitchboardTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "Switchboard";

    /// <summary>
    /// The custom property (<see cref="Activity.GetCustomProperty(string)"/>) under which a <c>switchboard.send</c>
    /// span carries the send's <see cref="DeliveryReport"/> once it is known, for in-process listeners such as a
    /// status page's log of recent sends. Set only on spans that a listener asked for.
    /// </summary>
    public const string DeliveryReportProperty = "switchboard.report";

    internal static readonly ActivitySource Source = new(Name, typeof(SwitchboardTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(Name, typeof(SwitchboardTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Targets reported by sends, tagged with <c>status</c> (<c>SENT</c>, <c>NO_HANDLER</c>, …).</summary>
    internal static readonly Counter<long> Sent = Meter.CreateCounter<long>("switchboard.messages.sent", "{message}", "Targets a send selected, by status.");

    internal static readonly Counter<long> Delivered = Meter.CreateCounter<long>("switchboard.messages.delivered", "{message}", "Handler invocations that completed.");

    internal static readonly Counter<long> Failed = Meter.CreateCounter<long>("switchboard.messages.failed", "{message}", "Handler invocations that threw.");

    internal static readonly Counter<long> Denied = Meter.CreateCounter<long>("switchboard.messages.denied", "{message}", "Targets or requests refused for a missing role.");

    internal static readonly UpDownCounter<long> QueueDepth = Meter.CreateUpDownCounter<long>("switchboard.queue.depth", "{message}", "Accepted deliveries not yet finished.");

    internal static KeyValuePair<string, object?> ProjectTag(string project) => new("switchboard.project", project);

    internal static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>("switchboard.request.duration", "ms", "Request round trips, from send to response.");
}
