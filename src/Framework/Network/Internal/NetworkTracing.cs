using System.Diagnostics;

namespace Switchboard.Network;

/// <summary>
/// Carries W3C trace context across the network: an outgoing message is stamped with the current span's
/// <c>traceparent</c>, and the receiver handles it inside a <c>switchboard.receive</c> span continuing that trace,
/// so the remote send, deliver and request spans are children of the sender's.
/// </summary>
internal static class NetworkTracing
{
    // Only handler messages carry a trace: replies, presence, heartbeats and pings are plumbing, not part of a user's trace.
    public static Envelope Stamp(Envelope envelope) =>
        envelope is HandlerMessage { TraceParent: null } message && Activity.Current is { IdFormat: ActivityIdFormat.W3C } current
            ? message with { TraceParent = current.Id }
            : envelope;

    public static Activity? StartReceive(Envelope envelope, string channel)
    {
        // A malformed traceparent is ignored, not dropped: tracing must never cost a message.
        if (envelope is not HandlerMessage { TraceParent: { } traceParent } message || !ActivityContext.TryParse(traceParent, traceState: null, isRemote: true, out var parent))
        {
            return null;
        }

        var activity = SwitchboardTelemetry.Source.StartActivity("switchboard.receive", ActivityKind.Consumer, parent);
        if (activity is { IsAllDataRequested: true })
        {
            MessagingConventions.Tag(activity, "receive", MessagingConventions.Receive, message.Project, message.Handler);
            activity.SetTag("switchboard.message_kind", message.Kind);
            activity.SetTag("switchboard.project", message.Project);
            activity.SetTag("switchboard.message_handler", message.Handler);
            activity.SetTag("switchboard.channel", channel);
        }

        return activity;
    }
}
