using System.Diagnostics;

namespace Switchboard.AspNetCore;

/// <summary>
/// The recent sends of this process, for the status page: listens to the <c>switchboard.send</c> spans of
/// <see cref="SwitchboardTelemetry"/> and keeps the last <see cref="BrowserSessionOptions.StatusLogCapacity"/>, each
/// with its result lines. Thread-safe.
/// </summary>
internal sealed class SendLog : IDisposable
{
    private readonly object gate = new();
    private readonly Queue<SendLogEntry> entries = new();
    private readonly int capacity;
    private readonly ActivityListener listener;
    private long version;

    public SendLog(Microsoft.Extensions.Options.IOptions<BrowserSessionOptions> options)
    {
        capacity = options.Value.StatusLogCapacity;
        listener = new ActivityListener
        {
            ShouldListenTo = static source => source.Name == SwitchboardTelemetry.Name,
            Sample = static (ref ActivityCreationOptions<ActivityContext> creation) =>
                creation.Name == "switchboard.send" ? ActivitySamplingResult.AllData : ActivitySamplingResult.None,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>Changes whenever an entry is added, so that the page sends only what changed.</summary>
    public long Version => Interlocked.Read(ref version);

    public SendLogEntry[] Snapshot()
    {
        lock (gate)
        {
            return [.. entries];
        }
    }

    public void Add(SendLogEntry entry)
    {
        lock (gate)
        {
            if (entries.Count == capacity)
            {
                entries.Dequeue();
            }

            entries.Enqueue(entry);
        }

        Interlocked.Increment(ref version);
    }

    public void Dispose() => listener.Dispose();

    private void OnStopped(Activity activity)
    {
        if (activity.OperationName != "switchboard.send"
            || activity.GetCustomProperty(SwitchboardTelemetry.DeliveryReportProperty) is not DeliveryReport report)
        {
            return;
        }

        Add(new SendLogEntry(
            new DateTimeOffset(activity.StartTimeUtc, TimeSpan.Zero),
            activity.GetTagItem("switchboard.project") as string ?? "",
            activity.GetTagItem("switchboard.message_handler") as string ?? "",
            activity.GetTagItem("switchboard.scope") as string ?? "",
            [.. report.ToStrings()]));
    }
}

/// <summary>One send: when, to what, and Ignition's result line per selected target.</summary>
internal sealed record SendLogEntry(DateTimeOffset Time, string Project, string MessageHandler, string Scope, string[] Results);
