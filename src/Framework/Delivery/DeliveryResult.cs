namespace Switchboard;

/// <summary>What happened to a message for one system selected for delivery.</summary>
/// <remarks><see cref="ToString"/> gives Ignition's comma-delimited result string.</remarks>
public readonly record struct DeliveryResult
{
    /// <summary>The kind of system.</summary>
    public required DeliveryTargetType Type { get; init; }

    /// <summary>The client's or session's session id (clients and sessions only).</summary>
    public string? SessionId { get; init; }

    /// <summary>The client's or session's address (clients and sessions only).</summary>
    public string? ClientAddress { get; init; }

    /// <summary>The client's or session's host name (clients and sessions only).</summary>
    public string? ClientHostName { get; init; }

    /// <summary>The remote gateway's name (remote gateways only).</summary>
    public string? ServerName { get; init; }

    /// <summary>The project the message was sent to.</summary>
    public required string Project { get; init; }

    /// <summary>The handler name the message was sent to.</summary>
    public required string MessageHandler { get; init; }

    /// <summary>The filters the message was sent with.</summary>
    public required FilterParams FilterParams { get; init; }

    /// <summary>What happened.</summary>
    public required DeliveryStatus Status { get; init; }

    /// <summary>Formats as Ignition does, for example <c>type=Gateway,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=CG, user=, hasRole=},sendStatus=SENT</c>.</summary>
    /// <returns>The result string.</returns>
    public override string ToString()
    {
        var common = $"project={Project},messageHandler={MessageHandler},filterParams={FilterParams},sendStatus={Status.ToCode()}";
        return Type switch
        {
            DeliveryTargetType.Gateway => "type=Gateway," + common,
            DeliveryTargetType.RemoteGateway => $"type=RemoteGateway,serverName={ServerName},{common}",
            _ => $"type={Type},sessionId={SessionId},clientAddress={ClientAddress},clientHostName={ClientHostName},{common}",
        };
    }
}
