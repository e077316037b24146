using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>AddSwitchboardInstrumentation() wires Switchboard's spans and metrics into OpenTelemetry's providers.</summary>
public sealed class OpenTelemetryTests
{
    [Fact]
    public async Task The_tracer_and_meter_providers_receive_Switchboard_spans_and_metrics()
    {
        var project = "Otel-" + Guid.NewGuid().ToString("N");
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSwitchboardInstrumentation().AddInMemoryExporter(spans).Build())
        using (var meters = Sdk.CreateMeterProviderBuilder().AddSwitchboardInstrumentation().AddInMemoryExporter(metrics).Build())
        {
            await using var gateway = new Gateway("g");
            gateway.AddProject(Handlers.Registry(project,
                Handlers.Async(project, "answer", Scope.Gateway, (_, _, _) => ValueTask.FromResult<object?>(42), responseType: typeof(int))));

            Assert.Equal(42, await gateway.SendRequestAsync<int>(project, "answer"));
            await gateway.DisposeAsync();
            tracing!.ForceFlush();
            meters!.ForceFlush();
        }

        var request = Assert.Single(spans, span => Equals(span.GetTagItem("messaging.destination.name"), project + "/answer") && span.OperationName == "switchboard.request");
        Assert.Equal("switchboard", request.GetTagItem("messaging.system"));
        // Exported at the flush and again when the provider is disposed: the same instrument each time.
        Assert.Contains(metrics, metric => metric.Name == "switchboard.request.duration" && metric.Unit == "s");
    }

    [Fact]
    public void The_builders_must_not_be_null()
    {
        Assert.Throws<ArgumentNullException>(() => ((TracerProviderBuilder)null!).AddSwitchboardInstrumentation());
        Assert.Throws<ArgumentNullException>(() => ((MeterProviderBuilder)null!).AddSwitchboardInstrumentation());
    }
}
