namespace Switchboard;

/// <summary>A designer attached to a gateway: it can send when <see cref="DesignerIdentity.ReadWriteComm"/> is on, and is never selected for delivery.</summary>
public sealed class Designer : Endpoint
{
    internal Designer(Gateway gateway, DesignerIdentity identity)
        : base(gateway, services: null)
    {
        Identity = identity;
        SenderInfo = new SenderInfo(EndpointKind.Designer, gateway.Name, null, identity.User, identity.Roles, identity.HostName);
    }

    /// <inheritdoc />
    public override EndpointKind Kind => EndpointKind.Designer;

    /// <summary>The identity the designer was opened with.</summary>
    public DesignerIdentity Identity { get; }

    internal override SenderInfo SenderInfo { get; }

    private protected override void EnsureCanSend()
    {
        base.EnsureCanSend();
        if (!Identity.ReadWriteComm)
        {
            throw new InvalidOperationException(
                "This designer was opened with ReadWriteComm = false (read-only communication), so it cannot send messages " +
                "or requests; open it with ReadWriteComm = true to send.");
        }
    }

    private protected override ValueTask CloseAsync() => ValueTask.CompletedTask;

    /// <inheritdoc />
    public override string ToString() => $"Designer of gateway \"{Gateway.Name}\"";
}
