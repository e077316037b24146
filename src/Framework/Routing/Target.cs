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

    public static Target Resolve(ProjectHandlers handlers, Scope scope, in MessageSend send)
    {
        if ((send.Filters.Scope & scope) == 0)
        {
            return default;
        }

        var target = new Target { Selected = true, scope = scope, messageHandler = send.Handler, project = send.Project };
        target.handler = handlers.Find(scope, send.Handler);
        if (target.handler is null)
        {
            target.status = DeliveryStatus.NoHandler;
        }
        else if (target.handler.RequiredRole is { } role && !send.Sender.HasRole(role))
        {
            target.status = DeliveryStatus.Denied;
        }
        else
        {
            target.status = DeliveryStatus.Sent;
            target.payload = PayloadPreparation.Prepare(target.handler, send.Payload);
        }

        return target;
    }

    /// <summary>Queues the message for <paramref name="endpoint"/>, or says why not.</summary>
    /// <param name="endpoint">The endpoint selected.</param>
    /// <param name="sender">Who sends.</param>
    /// <param name="full">
    /// Where a delivery that finds its queue full is kept to be retried when there is room (<see cref="QueueFullMode.Wait"/>),
    /// made on first use; <see langword="null"/> and <paramref name="line"/> below zero to report <c>QUEUE_FULL</c> at once.
    /// </param>
    /// <param name="line">The line of the report this endpoint's result will have.</param>
    /// <param name="reply">Where the handler's answer goes, for a request-all; <see langword="null"/> for a send.</param>
    /// <returns>The endpoint's status, or <see langword="null"/> when it has begun closing and so was not reached.</returns>
    public DeliveryStatus? DeliverTo(Endpoint endpoint, SenderInfo sender, ref FullQueueWaits? full, int line, IRequestReply? reply = null)
    {
        if (status != DeliveryStatus.Sent)
        {
            reached++;
            return status;
        }

        var item = new WorkItem(endpoint, handler!, scope, sender, payload, reply);
        switch (endpoint.TryDeliver(item))
        {
            case DeliveryAttempt.Queued:
                reached++;
                return DeliveryStatus.Sent;
            case DeliveryAttempt.QueueFull when line >= 0:
                reached++;
                (full ??= new FullQueueWaits()).Add(line, item);
                return DeliveryStatus.QueueFull;
            case DeliveryAttempt.QueueFull:
                reached++;
                queueFull++;
                return DeliveryStatus.QueueFull;
            default:
                return null;
        }
    }

    /// <summary>
    /// Logs what went wrong with a send, once per send: a missing handler names every scope that lacked it in one
    /// line (Ignition's text), and a denial or a full queue is logged once per scope.
    /// </summary>
    public static void LogOutcomes(Gateway gateway, in MessageSend send, in Target toGateway, in Target toClients, in Target toSessions)
    {
        var missing = toGateway.MissingScope | toClients.MissingScope | toSessions.MissingScope;
        if (missing != 0)
        {
            Log.HandlerNotFound(gateway.Logger, send.Handler, send.Project, missing.ToCode());
        }

        toGateway.LogOutcome(gateway);
        toClients.LogOutcome(gateway);
        toSessions.LogOutcome(gateway);
    }

    // The scope of a target that reached someone and found no handler there, else none.
    private readonly Scope MissingScope => reached > 0 && status == DeliveryStatus.NoHandler ? scope : 0;

    private readonly void LogOutcome(Gateway gateway)
    {
        if (reached == 0)
        {
            return;
        }

        switch (status)
        {
            case DeliveryStatus.Denied:
                Log.Denied(gateway.Logger, messageHandler, project, handler!.RequiredRole!);
                break;
            case DeliveryStatus.Sent when queueFull > 0:
                Log.QueueFull(gateway.Logger, messageHandler, project, $"{queueFull} {scope} endpoint(s) of {gateway}");
                break;
        }
    }
}
