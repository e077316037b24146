using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>The Switchboard ActivitySource and Meter, observed with the platform's own listeners.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_send_and_its_delivery_are_spans_of_one_trace()
    {
        var project = "Trace-" + Guid.NewGuid().ToString("N");
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SwitchboardTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("switchboard.project"), project))
                {
                    stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var gateway = new Gateway("g");
        gateway.AddProject(Handlers.Registry(project, Handlers.Of(project, "h", Scope.Gateway, (_, _) => { })));

        await gateway.SendAsync(project, "h", scope: Scope.Gateway);

        await Wait.UntilAsync(() => stopped.Count == 2, "the send and deliver spans stopped");
        var send = Assert.Single(stopped, activity => activity.OperationName == "switchboard.send");
        var deliver = Assert.Single(stopped, activity => activity.OperationName == "switchboard.deliver");
        Assert.Equal(send.TraceId, deliver.TraceId);
        Assert.Equal(send.SpanId, deliver.ParentSpanId);
        Assert.Equal("h", deliver.GetTagItem("switchboard.message_handler"));
        Assert.Equal(1, send.GetTagItem("switchboard.targets"));
    }

    [Fact]
    public async Task Counters_and_the_request_histogram_record_what_happened()
    {
        var project = "Metrics-" + Guid.NewGuid().ToString("N");
        var measurements = new ConcurrentQueue<(string Instrument, double Value, string? Status)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, meterListener) =>
            {
                if (instrument.Meter.Name == SwitchboardTelemetry.Name)
                {
                    meterListener.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? tagProject = null, status = null;
            foreach (var tag in tags)
            {
                tagProject = tag.Key == "switchboard.project" ? (string?)tag.Value : tagProject;
                status = tag.Key == "status" ? (string?)tag.Value : status;
            }

            if (tagProject == project)
            {
                measurements.Enqueue((instrument.Name, value, status));
            }
        }

        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();

        var gateway = new Gateway("g");
        gateway.AddProject(Handlers.Registry(project,
            Handlers.Of(project, "ok", Scope.Gateway, (_, _) => { }),
            Handlers.Of(project, "bad", Scope.Gateway, (_, _) => throw new InvalidOperationException("boom")),
            Handlers.Of(project, "admin", Scope.Gateway, (_, _) => { }, requiredRole: "Admin"),
            Handlers.Async(project, "answer", Scope.Gateway, (_, _, _) => ValueTask.FromResult<object?>(42), responseType: typeof(int))));
        var client = gateway.ConnectClient(new ClientIdentity { Project = project });

        await gateway.SendAsync(project, "ok", scope: Scope.Gateway);
        await gateway.SendAsync(project, "bad", scope: Scope.Gateway);
        await gateway.SendAsync(project, "missing", scope: Scope.Gateway);
        await client.SendAsync(project, "admin", scope: Scope.Gateway);
        await gateway.SendRequestAsync(project, "answer");
        await gateway.DisposeAsync();

        Assert.Equal(2, measurements.Count(m => m is { Instrument: "switchboard.messages.sent", Status: "SENT" }));
        Assert.Single(measurements, m => m is { Instrument: "switchboard.messages.sent", Status: "NO_HANDLER" });
        Assert.Single(measurements, m => m is { Instrument: "switchboard.messages.sent", Status: "DENIED" });
        Assert.Single(measurements, m => m.Instrument == "switchboard.messages.denied");
        Assert.Equal(2, measurements.Count(m => m.Instrument == "switchboard.messages.delivered"));
        Assert.Single(measurements, m => m.Instrument == "switchboard.messages.failed");
        var latency = Assert.Single(measurements, m => m.Instrument == "switchboard.request.duration");
        Assert.True(latency.Value >= 0);
    }
}
