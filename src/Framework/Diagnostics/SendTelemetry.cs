using System.Diagnostics;

namespace Switchboard;

/// <summary>Spans and counters for sends and requests; costs nothing beyond a check when nobody listens.</summary>
internal static class SendTelemetry
{
    public static Activity? Start(string name, ActivityKind kind, string project, string messageHandler, Scope scope)
    {
        var activity = SwitchboardTelemetry.Source.StartActivity(name, kind);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("switchboard.project", project);
            activity.SetTag("switchboard.message_handler", messageHandler);
            activity.SetTag("switchboard.scope", scope.ToCode());
        }

        return activity;
    }

    public static void Record(Activity? activity, string project, DeliveryReport report)
    {
        if (activity is not null)
        {
            activity.SetTag("switchboard.targets", report.Count);
            activity.SetCustomProperty(SwitchboardTelemetry.DeliveryReportProperty, report);
        }

        if (!SwitchboardTelemetry.Sent.Enabled && !SwitchboardTelemetry.Denied.Enabled)
        {
            return;
        }

        foreach (var result in report)
        {
            SwitchboardTelemetry.Sent.Add(1, SwitchboardTelemetry.ProjectTag(project), new("status", result.Status.ToCode()));
            if (result.Status == DeliveryStatus.Denied)
            {
                SwitchboardTelemetry.Denied.Add(1, SwitchboardTelemetry.ProjectTag(project));
            }
        }
    }
}
