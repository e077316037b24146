using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Switchboard.AspNetCore;

/// <summary>
/// Totals of the <c>Switchboard</c> meter's counters since the app started (sent by status, delivered, failed,
/// denied), for the status page. Thread-safe.
/// </summary>
internal sealed class SwitchboardCounters : IDisposable
{
    private readonly ConcurrentDictionary<string, long> totals = new(StringComparer.Ordinal);
    private readonly MeterListener listener = new();

    public SwitchboardCounters()
    {
        listener.InstrumentPublished = static (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == SwitchboardTelemetry.Name && instrument is Counter<long>)
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>(OnMeasurement);
        listener.Start();
    }

    /// <summary>The totals by counter name, <c>switchboard.messages.sent</c> split by status as <c>…sent{status=SENT}</c>.</summary>
    public SortedDictionary<string, long> Snapshot() => new(totals, StringComparer.Ordinal);

    public void Dispose() => listener.Dispose();

    private void OnMeasurement(Instrument instrument, long measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var key = instrument.Name;
        foreach (var tag in tags)
        {
            if (tag.Key == "status")
            {
                key = $"{key}{{status={tag.Value}}}";
            }
        }

        totals.AddOrUpdate(key, measurement, (_, total) => total + measurement);
    }
}
