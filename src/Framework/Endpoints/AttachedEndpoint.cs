namespace Switchboard;

/// <summary>A client or session attached to a gateway: selectable by Ignition's filters, and running its project's handlers of its scope.</summary>
public abstract class AttachedEndpoint : Endpoint
{
    private protected AttachedEndpoint(Gateway gateway, EndpointIdentity identity, string sessionId, long sequence, IServiceProvider? services)
        : base(gateway, services)
    {
        Identity = identity;
        SessionId = sessionId;
        Sequence = sequence;
        SenderInfo = new SenderInfo(Kind, gateway.Name, sessionId, identity.User, identity.Roles, identity.HostName);
    }

    /// <summary>The identity the endpoint attached with.</summary>
    public EndpointIdentity Identity { get; }

    /// <summary>The session id: 8 upper-case hex digits unless the identity gave one.</summary>
    public string SessionId { get; }

    /// <summary>The project the endpoint runs.</summary>
    public string Project => Identity.Project;

    /// <summary>The logged-in user, if any.</summary>
    public string? User => Identity.User;

    /// <summary>The user's roles.</summary>
    public IReadOnlyList<string> Roles => Identity.Roles;

    /// <summary>The host name.</summary>
    public string? HostName => Identity.HostName;

    /// <summary>The address.</summary>
    public string? Address => Identity.Address;

    /// <summary>The scope this endpoint's handlers are declared in.</summary>
    internal abstract Scope HandlerScope { get; }

    internal abstract DeliveryTargetType TargetType { get; }

    /// <summary>Attach order; results list endpoints in it.</summary>
    internal long Sequence { get; }

    internal override SenderInfo SenderInfo { get; }

    private protected override async ValueTask CloseAsync()
    {
        Gateway.Router.Detach(this);
        await DrainAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {SessionId} of gateway \"{Gateway.Name}\"";
}
