namespace Switchboard;

/// <summary>
/// One scope of a send (gateway, clients or sessions): the handler found there, the payload prepared for it, and
/// what happened to each endpoint, so that each outcome is logged once per send rather than once per endpoint.
/// </summary>
internal struct Target
{
    private HandlerDescriptor? handler;
    private object? payload;
    private DeliveryStatus status;
    private Scope scope;
    private string messageHandler;
    private string project;
    private int queueFull;
    private int reached;

    /// <summary>Whether the send's scope includes this target's scope.</summary>
    public bool Selected { get; private set; }

    public static Target Resolve(
        ProjectHandlers handlers, Scope scope, Scope requested, string messageHandler, object? payload, SenderInfo sender, string project)
    {
        if ((requested & scope) == 0)
        {
            return default;
        }

        var target = new Target { Selected = true, scope = scope, messageHandler = messageHandler, project = project };
        target.handler = handlers.Find(scope, messageHandler);
        if (target.handler is null)
        {
            target.status = DeliveryStatus.NoHandler;
        }
        else if (target.handler.RequiredRole is { } role && !sender.HasRole(role))
        {
            target.status = DeliveryStatus.Denied;
        }
        else
        {
            target.status = DeliveryStatus.Sent;
            target.payload = PayloadPreparation.Prepare(target.handler, payload);
        }

        return target;
    }

    /// <summary>Queues the message for <paramref name="endpoint"/>, or says why not.</summary>
    /// <param name="endpoint">The selected endpoint.</param>
    /// <param name="sender">Who sends.</param>
    /// <param name="reply">Where the handler's answer goes, for a request-all; <see langword="null"/> for a send.</param>
    /// <returns>The endpoint's status, or <see langword="null"/> when it has begun closing and so was not reached.</returns>
    public DeliveryStatus? DeliverTo(Endpoint endpoint, SenderInfo sender, IRequestReply? reply = null)
    {
        if (status != DeliveryStatus.Sent)
        {
            reached++;
            return status;
        }

        switch (endpoint.TryDeliver(new WorkItem(endpoint, handler!, scope, sender, payload, reply)))
        {
            case DeliveryAttempt.Queued:
                reached++;
                return DeliveryStatus.Sent;
            case DeliveryAttempt.QueueFull:
                reached++;
                queueFull++;
                return DeliveryStatus.QueueFull;
            default:
                return null;
        }
    }

    public readonly void LogOutcome(Gateway gateway)
    {
        if (reached == 0)
        {
            return;
        }

        switch (status)
        {
            case DeliveryStatus.NoHandler:
                Log.HandlerNotFound(gateway.Logger, messageHandler);
                break;
            case DeliveryStatus.Denied:
                Log.Denied(gateway.Logger, messageHandler, project, handler!.RequiredRole!);
                break;
            case DeliveryStatus.Sent when queueFull > 0:
                Log.QueueFull(gateway.Logger, messageHandler, project, $"{queueFull} {scope} endpoint(s) of {gateway}");
                break;
        }
    }
}
