namespace Switchboard;

/// <summary>
/// One send, as a single value: who sends, to which project and handler, what payload, with which filters (Ignition's
/// defaults already applied and checked), and to which remote servers. Built once at the public boundary
/// (<c>Create</c>), it then flows unchanged through routing, remote delivery and a receiving gateway's inbox,
/// so no layer below the boundary repeats the filter parameters.
/// </summary>
/// <param name="Sender">The identity handlers see as <see cref="MessageContext.Sender"/>.</param>
/// <param name="Project">The project.</param>
/// <param name="Handler">The message handler's name.</param>
/// <param name="Payload">The payload as the sender gave it, or a deferred payload from the gateway network.</param>
/// <param name="Filters">The effective scope and filters.</param>
/// <param name="RemoteServers">The gateways to send to instead of this one, or <see langword="null"/>.</param>
internal readonly record struct MessageSend(
    SenderInfo Sender, string Project, string Handler, object? Payload, FilterParams Filters, IReadOnlyList<string>? RemoteServers)
{
    /// <summary>Checks a send's names, applies Ignition's defaults to its scope and filters, and names the result.</summary>
    /// <exception cref="ArgumentException">
    /// The project or handler is empty, a name is longer than <see cref="NameRule.MaxLength"/>, or the scope is not a
    /// combination of C, G and S.
    /// </exception>
    public static MessageSend Create(
        SenderInfo sender,
        string project,
        string messageHandler,
        object? payload,
        Scope? scope,
        string? clientSessionId,
        string? user,
        string? hasRole,
        string? hostName,
        IReadOnlyList<string>? remoteServers)
    {
        var filters = SendFilters.Create(project, messageHandler, scope, clientSessionId, user, hasRole, hostName);
        for (var i = 0; i < remoteServers?.Count; i++)
        {
            MessageNames.CheckLength(remoteServers[i], nameof(remoteServers));
        }

        return new(sender, project, messageHandler, payload, filters, remoteServers);
    }

    /// <summary>A send that arrived with filters already applied (from the gateway network): checked as a local send is.</summary>
    /// <exception cref="ArgumentException">The project or handler is empty, a name is longer than 1,024 characters, or the scope is not a combination of C, G and S.</exception>
    public static MessageSend Create(
        SenderInfo sender, string project, string messageHandler, object? payload, in FilterParams filters, IReadOnlyList<string>? remoteServers) =>
        new(sender, project, messageHandler, payload, SendFilters.Check(project, messageHandler, filters), remoteServers);

    /// <summary>Whether the send names remote servers.</summary>
    public bool IsRemote => RemoteServers is { Count: > 0 };

    /// <summary>A result line for one target of this send, with its project, handler and filters filled in.</summary>
    public DeliveryResult Result(
        DeliveryTargetType type,
        DeliveryStatus status,
        string? sessionId = null,
        string? clientAddress = null,
        string? clientHostName = null,
        string? serverName = null) => new()
    {
        Type = type,
        SessionId = sessionId,
        ClientAddress = clientAddress,
        ClientHostName = clientHostName,
        ServerName = serverName,
        Project = Project,
        MessageHandler = Handler,
        FilterParams = Filters,
        Status = status,
    };

    /// <summary>A result line for a client or session this send selected.</summary>
    public DeliveryResult Result(AttachedEndpoint endpoint, DeliveryStatus status) =>
        Result(endpoint.TargetType, status, endpoint.SessionId, endpoint.Address, endpoint.HostName);

    /// <summary>A result line for a remote gateway this send named.</summary>
    public DeliveryResult RemoteResult(string server, DeliveryStatus status) => Result(DeliveryTargetType.RemoteGateway, status, serverName: server);
}
