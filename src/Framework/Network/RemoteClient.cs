using System.Globalization;

namespace Switchboard.Network;

/// <summary>
/// A client connected to a gateway in another process over a <see cref="GatewayNetwork"/> (Ignition's Vision client
/// on its gateway). The gateway selects it with the same filters as its local clients; its client handlers run here,
/// in <see cref="Client"/>, with their usual threading; and it sends like any endpoint, through its gateway, which
/// acts on its sends with its identity. Create one with <see cref="GatewayNetwork.ConnectClientAsync"/>.
/// </summary>
public sealed class RemoteClient : IMessageSender, IAsyncDisposable
{
    private readonly GatewayNetwork network;
    private readonly Gateway localGateway;
    private readonly ClientUplink uplink;
    private int gatewayAnswers = 1;
    private int disposed;

    private RemoteClient(GatewayNetwork network, Gateway localGateway, Client client, ClientUplink uplink)
    {
        this.network = network;
        this.localGateway = localGateway;
        this.uplink = uplink;
        Client = client;
    }

    /// <summary>The gateway the client is connected to.</summary>
    public string GatewayName => localGateway.Name;

    /// <summary>The client's session id, as the gateway reports it in results (<c>sessionId=…</c>).</summary>
    public string SessionId => Client.SessionId;

    /// <summary>
    /// The client as its handlers see it (<see cref="MessageContext.Client"/>): it lives in a local stand-in of the
    /// gateway that forwards every send and request to the real one.
    /// </summary>
    public Client Client { get; }

    /// <summary>Whether the gateway received the client's last heartbeat.</summary>
    public bool IsConnected => Volatile.Read(ref gatewayAnswers) == 1 && network.IsConnected;

    /// <inheritdoc />
    public IReadOnlyList<string> SendMessage(
        string project,
        string messageHandler,
        IReadOnlyDictionary<string, object?>? payload = null,
        string? scope = null,
        string? clientSessionId = null,
        string? user = null,
        string? hasRole = null,
        string? hostName = null,
        IReadOnlyList<string>? remoteServers = null) =>
        Client.SendMessage(project, messageHandler, payload, scope, clientSessionId, user, hasRole, hostName, remoteServers);

    /// <inheritdoc />
    public ValueTask<DeliveryReport> SendAsync(
        string project,
        string messageHandler,
        object? payload = null,
        Scope? scope = null,
        string? clientSessionId = null,
        string? user = null,
        string? hasRole = null,
        string? hostName = null,
        IReadOnlyList<string>? remoteServers = null,
        CancellationToken cancellationToken = default) =>
        Client.SendAsync(project, messageHandler, payload, scope, clientSessionId, user, hasRole, hostName, remoteServers, cancellationToken);

    /// <inheritdoc />
    public Task<object?> SendRequestAsync(
        string project,
        string messageHandler,
        IReadOnlyDictionary<string, object?>? payload = null,
        string? remoteServer = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        Client.SendRequestAsync(project, messageHandler, payload, remoteServer, timeout, cancellationToken);

    /// <inheritdoc />
    public Task<TResponse> SendRequestAsync<TResponse>(
        string project,
        string messageHandler,
        object? payload = null,
        string? remoteServer = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        Client.SendRequestAsync<TResponse>(project, messageHandler, payload, remoteServer, timeout, cancellationToken);

    /// <inheritdoc />
    public ValueTask<RequestAllReport<TResponse>> RequestAllAsync<TResponse>(
        string project,
        string messageHandler,
        object? payload = null,
        Scope? scope = null,
        string? clientSessionId = null,
        string? user = null,
        string? hasRole = null,
        string? hostName = null,
        IReadOnlyList<string>? remoteServers = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        Client.RequestAllAsync<TResponse>(project, messageHandler, payload, scope, clientSessionId, user, hasRole, hostName, remoteServers, timeout, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<RequestAllResult<TResponse>> RequestAllStreamAsync<TResponse>(
        string project,
        string messageHandler,
        object? payload = null,
        Scope? scope = null,
        string? clientSessionId = null,
        string? user = null,
        string? hasRole = null,
        string? hostName = null,
        IReadOnlyList<string>? remoteServers = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        Client.RequestAllStreamAsync<TResponse>(project, messageHandler, payload, scope, clientSessionId, user, hasRole, hostName, remoteServers, timeout, cancellationToken);

    /// <summary>Disconnects: tells the gateway, then drains the client's accepted messages (within the drain timeout).</summary>
    /// <returns>A task that completes when the client is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        network.Forget(this);
        try
        {
            var detach = new DetachEnvelope { SessionId = SessionId, Node = network.NodeId };
            await network.Transport.PublishAsync(uplink.Channel, EnvelopeWriter.Write(detach)).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Disconnected: the gateway drops the client when its heartbeats stop.
        }

        await CloseLocallyAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"Remote client {SessionId} of gateway \"{GatewayName}\"";

    internal static RemoteClient Create(
        GatewayNetwork network, string gatewayName, ClientIdentity identity, IProjectRegistry project, GatewayOptions options, IServiceProvider? services)
    {
        // The client picks its session id, so it can receive from the moment the gateway attaches it.
        var sessionId = identity.SessionId ?? ((uint)Random.Shared.NextInt64(0, 1L << 32)).ToString("X8", CultureInfo.InvariantCulture);
        identity = identity with { SessionId = sessionId };
        var localGateway = new Gateway(gatewayName, options);
        try
        {
            localGateway.AddProject(project);
            var client = localGateway.ConnectClient(identity, services);
            var uplink = new ClientUplink(network, localGateway, identity);
            localGateway.NetworkLink = uplink;
            return new RemoteClient(network, localGateway, client, uplink);
        }
        catch
        {
            _ = localGateway.DisposeAsync().AsTask();
            throw;
        }
    }

    internal async Task AttachAsync(CancellationToken cancellationToken)
    {
        var wait = network.Options.ConnectTimeout;
        var call = await RemoteCall.CallAsync(
            network,
            uplink.GatewayName,
            id => new AttachEnvelope { Id = id, Client = uplink.Identity, Node = network.NodeId, ReplyTo = network.NodeChannel },
            wait,
            cancelOnGiveUp: false,
            cancellationToken).ConfigureAwait(false);
        var reason = call.IsTimedOut ? $"it did not accept the client within ConnectTimeout ({wait.TotalSeconds:0.###} s)." : call.Failure;
        if (reason is not null)
        {
            throw new GatewayUnreachableException(uplink.Identity.Project, messageHandler: "", GatewayName, reason);
        }

        if (call.Reply!.Outcome.Code != OutcomeCodes.Ok)
        {
            throw call.Reply.Outcome.Code == OutcomeCodes.Invalid
                ? new ArgumentException($"Gateway \"{GatewayName}\" refused the client: {call.Reply.Outcome.Message}", "identity")
                : new GatewayUnreachableException(uplink.Identity.Project, messageHandler: "", GatewayName, call.Reply.Outcome.Message ?? call.Reply.Outcome.Code);
        }
    }

    internal async Task HeartbeatAsync()
    {
        var heartbeat = new HeartbeatEnvelope { SessionId = SessionId, Client = uplink.Identity, Node = network.NodeId };
        long listeners;
        try
        {
            listeners = await network.Transport.PublishAsync(uplink.Channel, EnvelopeWriter.Write(heartbeat)).ConfigureAwait(false);
        }
        catch (Exception)
        {
            listeners = 0;
        }

        var answers = listeners > 0 ? 1 : 0;
        if (Interlocked.Exchange(ref gatewayAnswers, answers) != answers)
        {
            if (answers == 1)
            {
                Log.ClientGatewayBack(network.Logger, SessionId, GatewayName);
            }
            else
            {
                Log.ClientGatewayLost(network.Logger, SessionId, GatewayName);
            }
        }
    }

    /// <summary>Hands a message the gateway forwarded to this client's handlers, through the local stand-in's routing.</summary>
    internal void Deliver(DeliverEnvelope delivery)
    {
        var payload = new WirePayload(delivery.Payload, delivery.Project, delivery.Handler);
        var onlyThisClient = new FilterParams(HostName: null, ClientSessionId: SessionId, Scope.Client, User: null, HasRole: null);
        var send = new MessageSend(delivery.Sender, delivery.Project, delivery.Handler, payload, onlyThisClient, RemoteServers: null);
        if (GatewayInbox.TrustedReplyChannelIfAny(network, delivery, delivery.ReplyTo, GatewayName) is { } replyTo)
        {
            _ = AnswerAsync(delivery, send, replyTo);
            return;
        }

        try
        {
            localGateway.Deliveries.SendLocal(send);
        }
        catch (Exception exception) when (exception is PayloadConversionException or ObjectDisposedException)
        {
            Log.NetworkDeliveryFailed(network.Logger, $"{GatewayName} (remote client {SessionId})", delivery.Handler, delivery.Project, exception.Message);
        }
    }

    /// <summary>
    /// A request-all's delivery: runs this client's handler through the stand-in and replies with its value, or with
    /// why there is none, before the asker's deadline.
    /// </summary>
    private async Task AnswerAsync(DeliverEnvelope delivery, MessageSend send, string replyTo)
    {
        ReplyEnvelope reply;
        try
        {
            var wait = delivery.Deadline is { } at
                ? TimeSpan.FromMilliseconds(Math.Clamp(at - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 1, int.MaxValue))
                : Timeout.InfiniteTimeSpan;
            var answers = await localGateway.Deliveries.RequestAllAsync(sender: null, send, wait, CancellationToken.None).ConfigureAwait(false);
            reply = answers is [var answer]
                ? answer.Status == RequestAllStatus.Answered
                    ? new ReplyEnvelope { Id = delivery.Id, Outcome = ReplyOutcomes.Ok, Payload = WireAnswers.Encode(answer.Response, send.Project, send.Handler) }
                    : new ReplyEnvelope { Id = delivery.Id, Outcome = ReplyOutcomes.Of(answer) }
                : new ReplyEnvelope { Id = delivery.Id, Outcome = new WireOutcome(OutcomeCodes.Closed, $"remote client {SessionId} has closed.") };
        }
        catch (Exception exception)
        {
            reply = new ReplyEnvelope { Id = delivery.Id, Outcome = ReplyOutcomes.From(exception) };
        }

        network.Reply(replyTo, reply);
    }

    internal ValueTask CloseLocallyAsync() => localGateway.DisposeAsync();
}
