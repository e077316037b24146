using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
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

        // OpenTelemetry's messaging conventions: attributes, and the span name "{operation} {destination}".
        Assert.Equal("switchboard", send.GetTagItem("messaging.system"));
        Assert.Equal("send", send.GetTagItem("messaging.operation.name"));
        Assert.Equal("send", send.GetTagItem("messaging.operation.type"));
        Assert.Equal(project + "/h", send.GetTagItem("messaging.destination.name"));
        Assert.Equal("send " + project + "/h", send.DisplayName);
        Assert.Equal("process", deliver.GetTagItem("messaging.operation.type"));
        Assert.Equal("process " + project + "/h", deliver.DisplayName);
    }

    [Fact]
    public async Task Counters_and_the_request_histogram_record_what_happened()
    {
        var project = "Metrics-" + Guid.NewGuid().ToString("N");
        using var sent = new MetricCollector<long>(SwitchboardTelemetry.Sent);
        using var denied = new MetricCollector<long>(SwitchboardTelemetry.Denied);
        using var delivered = new MetricCollector<long>(SwitchboardTelemetry.Delivered);
        using var failed = new MetricCollector<long>(SwitchboardTelemetry.Failed);
        using var duration = new MetricCollector<double>(SwitchboardTelemetry.RequestDuration);

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

        Assert.Equal(2, Of(sent).Count(m => Equals(m.Tags["status"], "SENT")));
        Assert.Single(Of(sent), m => Equals(m.Tags["status"], "NO_HANDLER"));
        Assert.Single(Of(sent), m => Equals(m.Tags["status"], "DENIED"));
        Assert.Single(Of(denied));
        Assert.Equal(2, Of(delivered).Count());
        Assert.Single(Of(failed));

        // OpenTelemetry's conventions: a duration in seconds, with the messaging attributes.
        Assert.Equal("s", SwitchboardTelemetry.RequestDuration.Unit);
        var latency = Assert.Single(Of(duration));
        Assert.InRange(latency.Value, 0, 10);
        Assert.Equal("switchboard", latency.Tags["messaging.system"]);
        Assert.Equal(project + "/answer", latency.Tags["messaging.destination.name"]);

        IEnumerable<CollectedMeasurement<T>> Of<T>(MetricCollector<T> collector)
            where T : struct =>
            collector.GetMeasurementSnapshot().Where(measurement => Equals(measurement.Tags.GetValueOrDefault("switchboard.project"), project));
    }
}
