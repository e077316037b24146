using System.Collections.Concurrent;
using System.Diagnostics;
using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>What a status page reads from the core: the attached endpoints, and each send's report on its span.</summary>
public sealed class StatusHooksTests
{
    [Fact]
    public async Task The_attached_endpoints_are_a_snapshot_in_attach_order()
    {
        await using var gateway = new Gateway("g");
        var session = gateway.OpenSession(new SessionIdentity { Project = "P", User = "ann" });
        await using var client = gateway.ConnectClient(new ClientIdentity { Project = "P", User = "bob" });

        var attached = gateway.GetAttachedEndpoints();
        Assert.Equal([session, (AttachedEndpoint)client], attached);

        await session.DisposeAsync();
        Assert.Equal(2, attached.Count);
        Assert.Equal([(AttachedEndpoint)client], gateway.GetAttachedEndpoints());
    }

    [Fact]
    public async Task A_send_span_carries_its_delivery_report()
    {
        var project = "Report-" + Guid.NewGuid().ToString("N");
        var reports = new ConcurrentQueue<object?>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SwitchboardTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.OperationName == "switchboard.send" && Equals(activity.GetTagItem("switchboard.project"), project))
                {
                    reports.Enqueue(activity.GetCustomProperty(SwitchboardTelemetry.DeliveryReportProperty));
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var gateway = new Gateway("g");
        gateway.AddProject(Handlers.Registry(project, Handlers.Of(project, "h", Scope.Session, (_, _) => { })));
        await using var session = gateway.OpenSession(new SessionIdentity { Project = project });

        var report = await gateway.SendAsync(project, "h", scope: Scope.Session | Scope.Gateway);

        Assert.Same(report, Assert.Single(reports));
        Assert.Equal(report.ToStrings(), ((DeliveryReport)reports.Single()!).ToStrings());
    }
}
