namespace Switchboard.Network;

/// <summary>
/// A remote client as its gateway sees it: attached like a local client, so the same index and filters select it, but
/// what is delivered to it is forwarded, in order, to the process where the client runs its handlers.
/// </summary>
internal sealed class RemoteClientLink : AttachedEndpoint
{
    private readonly GatewayMembership membership;
    private readonly ForwardingQueue forwarding;
    private long lastHeard = Environment.TickCount64;

    public RemoteClientLink(Gateway gateway, ClientIdentity identity, string sessionId, long sequence, GatewayMembership membership, string node)
        : base(gateway, identity, sessionId, sequence, services: null)
    {
        this.membership = membership;
        Node = node;
        forwarding = new ForwardingQueue(ForwardAsync, gateway.Options.DedicatedQueueCapacity);
    }

    /// <summary>The node (process) the client runs in.</summary>
    public string Node { get; }

    /// <inheritdoc />
    public override EndpointKind Kind => EndpointKind.Client;

    public TimeSpan SilentFor => TimeSpan.FromMilliseconds(Environment.TickCount64 - Volatile.Read(ref lastHeard));

    internal override Scope HandlerScope => Scope.Client;

    internal override DeliveryTargetType TargetType => DeliveryTargetType.Client;

    public void Touch() => Volatile.Write(ref lastHeard, Environment.TickCount64);

    internal override IDeliveryQueue QueueFor(HandlerDescriptor handler) => forwarding;

    /// <summary>Sends one accepted delivery to the client's process.</summary>
    public async Task ForwardAsync(WorkItem item)
    {
        var network = membership.Network;
        var handler = item.Handler;
        if (item.Request is IRequestAllSlot slot)
        {
            // A request-all's target answers on its own time; the queue goes on forwarding meanwhile.
            if (!item.Request.IsCompleted)
            {
                _ = AskAsync(item, slot);
            }

            return;
        }

        try
        {
            var site = new ConversionSite(handler.Project, handler.Name, handler.PayloadType ?? typeof(object));
            var message = network.Encode(new DeliverEnvelope
            {
                Id = MessageIds.New(),
                Gateway = Gateway.Name,
                SessionId = SessionId,
                Project = handler.Project,
                Handler = handler.Name,
                Sender = item.Sender,
                Payload = WireValue.EncodeUtf8(item.Payload, site),
            });
            var listeners = await network.Transport.PublishAsync(network.Channels.Node(Node), message).ConfigureAwait(false);
            if (listeners == 0)
            {
                membership.Vanish(this, "its process no longer listens on the network");
            }
        }
        catch (Exception exception)
        {
            Log.ForwardFailed(network.Logger, handler.Name, handler.Project, SessionId, Gateway.Name, exception.Message);
        }
    }

    /// <summary>
    /// Forwards a request-all's delivery with a reply channel and answers the call's slot with what the client's process
    /// replies: its handler's value, its failure (the remote exception kept), or <c>UNREACHABLE</c> when the process no
    /// longer listens. No reply by the call's deadline is the call's own timeout.
    /// </summary>
    private async Task AskAsync(WorkItem item, IRequestAllSlot slot)
    {
        var network = membership.Network;
        var handler = item.Handler;
        var reply = item.Request!;
        try
        {
            var site = new ConversionSite(handler.Project, handler.Name, handler.PayloadType ?? typeof(object));
            var call = await RemoteCall.CallNodeAsync(
                network,
                network.Channels.Node(Node),
                id => new DeliverEnvelope
                {
                    Id = id,
                    Gateway = Gateway.Name,
                    SessionId = SessionId,
                    Project = handler.Project,
                    Handler = handler.Name,
                    Sender = item.Sender,
                    Payload = WireValue.EncodeUtf8(item.Payload, site),
                    ReplyTo = network.NodeChannel,
                    Deadline = RemoteServers.Deadline(slot.Remaining),
                },
                slot.Remaining,
                cancelOnGiveUp: false,
                reply.Token).ConfigureAwait(false);
            if (call.Failure is { } reason)
            {
                membership.Vanish(this, reason);
                reply.Fail(new GatewayUnreachableException(handler.Project, handler.Name, Gateway.Name, $"remote client {SessionId} {reason}"));
            }
            else if (call.Reply is { Outcome.Code: OutcomeCodes.Ok } answer)
            {
                reply.Complete(WireValue.Decode(answer.Payload, slot.ResponseType, new ConversionSite(handler.Project, handler.Name, slot.ResponseType)));
            }
            else if (call.Reply is { } refused)
            {
                // The slot wraps a handler's failure itself: hand it the remote exception, not the wrapper.
                var exception = ReplyOutcomes.ToException(refused.Outcome, handler.Project, handler.Name, Gateway.Name, slot.Remaining);
                reply.Fail(exception is MessageHandlerFailedException { InnerException: { } inner } ? inner : exception);
            }
        }
        catch (OperationCanceledException) when (reply.Token.IsCancellationRequested)
        {
            // The call timed out or was cancelled: it has answered its caller.
        }
        catch (Exception exception)
        {
            Log.ForwardFailed(network.Logger, handler.Name, handler.Project, SessionId, Gateway.Name, exception.Message);
            reply.Fail(exception);
        }
    }

    private protected override async ValueTask CloseAsync()
    {
        membership.Forget(this);
        await base.CloseAsync().ConfigureAwait(false);
        await forwarding.CompleteAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"Remote client {SessionId} of gateway \"{Gateway.Name}\"";
}
