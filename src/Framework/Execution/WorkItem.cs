using System.Diagnostics;

namespace Switchboard;

/// <summary>One accepted delivery waiting in a queue. A struct so that queuing a message allocates nothing.</summary>
internal readonly struct WorkItem(Endpoint target, HandlerDescriptor handler, Scope scope, SenderInfo sender, object? payload, IRequestReply? request)
{
    public Endpoint Target { get; } = target;

    public HandlerDescriptor Handler { get; } = handler;

    public Scope Scope { get; } = scope;

    public SenderInfo Sender { get; } = sender;

    public object? Payload { get; } = payload;

    /// <summary>Set for requests and request-alls: where the handler's response goes.</summary>
    public IRequestReply? Request { get; } = request;

    /// <summary>The sender's trace context at send time, so that the delivery span continues the send's trace.</summary>
    public ActivityContext Parent { get; } = Activity.Current?.Context ?? default;
}
