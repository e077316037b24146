namespace Switchboard;

/// <summary>
/// A client attached to a gateway (Ignition's Vision client). It runs its project's <see cref="Scope.Client"/>
/// handlers; <see cref="HandlerThreading.UI"/> handlers run on the <see cref="SynchronizationContext"/> it was connected on.
/// </summary>
public sealed class Client : AttachedEndpoint
{
    private readonly SynchronizationContextQueue? uiQueue;

    internal Client(Gateway gateway, ClientIdentity identity, string sessionId, long sequence, IServiceProvider? services)
        : base(gateway, identity, sessionId, sequence, services)
    {
        if (SynchronizationContext.Current is { } context)
        {
            uiQueue = new SynchronizationContextQueue(context, gateway.Options.DedicatedQueueCapacity);
        }
    }

    /// <inheritdoc />
    public override EndpointKind Kind => EndpointKind.Client;

    internal override Scope HandlerScope => Scope.Client;

    internal override DeliveryTargetType TargetType => DeliveryTargetType.Client;

    // UI handlers share one ordered lane per client: the synchronization context, else the client's own queue.
    internal override IDeliveryQueue QueueFor(HandlerDescriptor handler) =>
        handler.Threading == HandlerThreading.UI ? uiQueue ?? DedicatedQueueFor(UiLane.Key) : base.QueueFor(handler);

    private protected override async ValueTask CloseAsync()
    {
        // Pending work already counts UI deliveries, so draining the endpoint drains the UI lane too.
        await base.CloseAsync().ConfigureAwait(false);
        _ = uiQueue?.CompleteAsync();
    }

    private static class UiLane
    {
        public static readonly object Key = new();
    }
}
