using System.Diagnostics;

namespace Switchboard.Network;

/// <summary>
/// Carries W3C trace context across the network: an outgoing message is stamped with the current span's
/// <c>traceparent</c>, and the receiver handles it inside a <c>switchboard.receive</c> span continuing that trace,
/// so the remote send, deliver and request spans are children of the sender's.
/// </summary>
internal static class NetworkTracing
{
    public static Envelope Stamp(Envelope envelope) =>
        envelope.TraceParent is null && Carries(envelope.Kind) && Activity.Current is { IdFormat: ActivityIdFormat.W3C } current
            ? envelope with { TraceParent = current.Id }
            : envelope;

    public static Activity? StartReceive(Envelope envelope, string channel)
    {
        // A malformed traceparent is ignored, not dropped: tracing must never cost a message.
        if (envelope.TraceParent is not { } traceParent || !ActivityContext.TryParse(traceParent, traceState: null, isRemote: true, out var parent))
        {
            return null;
        }

        var activity = SwitchboardTelemetry.Source.StartActivity("switchboard.receive", ActivityKind.Consumer, parent);
        if (activity is { IsAllDataRequested: true })
        {
            MessagingConventions.Tag(activity, "receive", MessagingConventions.Receive, envelope.Project, envelope.Handler);
            activity.SetTag("switchboard.message_kind", envelope.Kind);
            activity.SetTag("switchboard.project", envelope.Project);
            activity.SetTag("switchboard.message_handler", envelope.Handler);
            activity.SetTag("switchboard.channel", channel);
        }

        return activity;
    }

    // Replies, presence, heartbeats and pings are plumbing, not part of a user's trace.
    private static bool Carries(string kind) => kind is EnvelopeKinds.Send or EnvelopeKinds.Request or EnvelopeKinds.Deliver
        or EnvelopeKinds.ClientSend or EnvelopeKinds.ClientRequest or EnvelopeKinds.RequestAll or EnvelopeKinds.ClientRequestAll;
}
