namespace Switchboard.Network;

/// <summary>
/// The way out of a remote client's process: every send and request of the client (and of anything else in its local
/// stand-in gateway) goes to the real gateway, which acts on it as the client, with the client's identity and roles.
/// When the gateway does not answer, a send reports it <c>UNREACHABLE</c> and a request throws
/// <see cref="GatewayUnreachableException"/>.
/// </summary>
internal sealed class ClientUplink(GatewayNetwork network, Gateway localGateway, ClientIdentity identity) : INetworkLink
{
    public ClientIdentity Identity { get; } = identity;

    /// <summary>The session id the client picked before it attached (<see cref="RemoteClient"/> always gives it one).</summary>
    public string SessionId { get; } = identity.SessionId ?? throw new ArgumentException("A remote client's identity names its session id.", nameof(identity));

    public string GatewayName => localGateway.Name;

    public string Channel { get; } = network.Channels.Gateway(localGateway.Name);

    public bool ForwardsAllSends => true;

    public DeliveryReport Send(in MessageSend send)
    {
        RemoteServerLimit.ThrowIfExceeded(network, send.RemoteServers);
        var encoded = RemoteServers.EncodePayload(send.Payload, send.Project, send.Handler);
        var wait = network.Options.RemoteResultsTimeout;
        var copy = send;
        var call = RemoteCall.Call(network, GatewayName, id => ClientSend(id, copy, encoded, awaitResults: false, wait), wait);
        return ReportOf(call, send, wait);
    }

    public async Task<DeliveryReport> SendAsync(MessageSend send, CancellationToken cancellationToken)
    {
        RemoteServerLimit.ThrowIfExceeded(network, send.RemoteServers);
        var encoded = RemoteServers.EncodePayload(send.Payload, send.Project, send.Handler);

        // The gateway itself may wait RemoteResultsTimeout for its remote servers, so the client waits for that too.
        var wait = send.IsRemote ? network.Options.RemoteResultsTimeout * 2 : network.Options.RemoteResultsTimeout;
        var call = await RemoteCall.CallAsync(
            network, GatewayName, id => ClientSend(id, send, encoded, awaitResults: true, wait), wait, cancelOnGiveUp: false,
            cancellationToken).ConfigureAwait(false);
        return ReportOf(call, send, wait);
    }

    public async Task<object?> RequestAsync(MessageRequest request, TimeSpan timeout, Type? responseType, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (_, project, messageHandler, payload, remoteServer) = request;
        var encoded = RemoteServers.EncodePayload(payload, project, messageHandler);
        var call = await RemoteCall.CallAsync(
            network,
            GatewayName,
            id => new ClientRequestEnvelope
            {
                Id = id,
                SessionId = SessionId,
                Client = Identity,
                Node = network.NodeId,
                Project = project,
                Handler = messageHandler,
                Payload = encoded,
                RemoteServers = remoteServer is null ? null : [remoteServer],
                ReplyTo = network.NodeChannel,
                Deadline = RemoteServers.Deadline(timeout),
            },
            timeout,
            cancelOnGiveUp: true,
            cancellationToken).ConfigureAwait(false);

        // Failing to reach its own gateway names that gateway; what the gateway reports names the server it tried.
        return RemoteServers.ResponseOf(call, project, messageHandler, call.Reply is null ? GatewayName : remoteServer ?? GatewayName, timeout, responseType, localGateway);
    }

    /// <summary>
    /// The client's request-all goes to its gateway, which asks as the client (its own targets, and the remote servers
    /// named) and replies with every answer: one slot, named after the gateway, that those answers fill.
    /// </summary>
    public void RequestAll(IRequestAllTargets targets, MessageSend send, TimeSpan wait, CancellationToken cancellationToken)
    {
        RemoteServerLimit.ThrowIfExceeded(network, send.RemoteServers);
        var payload = RemoteServers.EncodePayload(send.Payload, send.Project, send.Handler);
        var slot = targets.Expect(send.RemoteResult(GatewayName, DeliveryStatus.Sent));
        _ = RemoteRequestAll.AskAsync(
            network,
            targets,
            slot,
            GatewayName,
            id => new ClientRequestAllEnvelope
            {
                Id = id,
                SessionId = SessionId,
                Client = Identity,
                Node = network.NodeId,
                Project = send.Project,
                Handler = send.Handler,
                Filters = send.Filters,
                Payload = payload,
                RemoteServers = send.IsRemote ? send.RemoteServers : null,
                ReplyTo = network.NodeChannel,
                Deadline = RemoteServers.Deadline(wait),
            },
            send,
            server: null,
            wait,
            localGateway,
            cancellationToken);
    }

    public ValueTask LeaveAsync() => ValueTask.CompletedTask;

    private ClientSendEnvelope ClientSend(string id, in MessageSend send, ReadOnlyMemory<byte> payload, bool awaitResults, TimeSpan wait) => new()
    {
        Id = id,
        SessionId = SessionId,
        Client = Identity,
        Node = network.NodeId,
        Project = send.Project,
        Handler = send.Handler,
        Filters = send.Filters,
        Payload = payload,
        RemoteServers = send.IsRemote ? send.RemoteServers : null,
        AwaitResults = awaitResults,
        ReplyTo = network.NodeChannel,
        Deadline = RemoteServers.Deadline(wait),
    };

    private DeliveryReport ReportOf(in RemoteCallResult call, in MessageSend send, TimeSpan wait)
    {
        var reason = call.IsTimedOut ? $"it did not answer within {wait.TotalSeconds:0.###} s." : call.Failure;
        if (reason is not null)
        {
            Log.Unreachable(localGateway.Logger, GatewayName, send.Handler, reason);
            return new DeliveryReport(send.RemoteResult(GatewayName, DeliveryStatus.Unreachable));
        }

        var answer = call.Reply!;
        switch (answer.Outcome.Code)
        {
            case OutcomeCodes.Ok:
                var results = answer.Results ?? [];
                var report = new DeliveryResult[results.Count];
                for (var i = 0; i < report.Length; i++)
                {
                    report[i] = WireResults.ToResult(results[i], send, serverName: null);
                }

                return new DeliveryReport(report);
            case OutcomeCodes.Closed or OutcomeCodes.Unreachable:
                Log.Unreachable(localGateway.Logger, GatewayName, send.Handler, answer.Outcome.Message ?? answer.Outcome.Code);
                return new DeliveryReport(send.RemoteResult(GatewayName, DeliveryStatus.Unreachable));
            default:
                // What a local send throws (a bad payload, an invalid scope) is thrown here too.
                throw ReplyOutcomes.ToException(answer.Outcome, send.Project, send.Handler, GatewayName, wait);
        }
    }
}
