namespace Switchboard;

/// <summary>
/// A session hosted by a gateway (Ignition's Perspective session). Its project's <see cref="Scope.Session"/>
/// handlers run in the gateway's process on its behalf, and receive it as their <see cref="Session"/> parameter.
/// </summary>
public sealed class Session : AttachedEndpoint
{
    internal Session(Gateway gateway, SessionIdentity identity, string sessionId, long sequence, IServiceProvider? services)
        : base(gateway, identity, sessionId, sequence, services)
    {
    }

    /// <inheritdoc />
    public override EndpointKind Kind => EndpointKind.Session;

    internal override Scope HandlerScope => Scope.Session;

    internal override DeliveryTargetType TargetType => DeliveryTargetType.Session;
}
