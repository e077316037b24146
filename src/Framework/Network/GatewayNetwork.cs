using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Switchboard.Network;

/// <summary>
/// Ignition's gateway network: gateways that reach each other by name (<c>remoteServers</c> and remote requests),
/// and remote clients that connect to a gateway by name from another process. One instance is one process's
/// membership (a node), over one <see cref="INetworkTransport"/>: <see cref="InMemoryNetwork"/> inside a process,
/// or Redis across machines (the <c>Switchboard.Redis</c> package). Every transport behaves the same, because all
/// the meaning lives here.
/// </summary>
/// <example>
/// <code>
/// await using var network = new GatewayNetwork(new InMemoryNetwork().Connect());
/// await network.JoinAsync(agent8088);
/// await network.JoinAsync(agent9000);
/// var results = agent8088.SendMessage("X", "testHandler", remoteServers: ["agent-8088", "agent-9000"]);
/// </code>
/// </example>
public sealed class GatewayNetwork : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, GatewayMembership> memberships = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RemoteClient> clients = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim startLock = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly InboundQueue inbound;

    // Presence has a queue of its own, so that a backlog of other traffic never makes a live gateway look silent.
    private readonly InboundQueue presenceInbound;
    private readonly NodeInbox nodeInbox;
    private Task? heartbeats;
    private bool started;
    private int disposed;

    /// <summary>Creates a node of a gateway network; it starts listening when the first gateway joins or client connects.</summary>
    /// <param name="transport">The connection to the network; the network owns it from now on and disposes it.</param>
    /// <param name="options">Names, sizes and timeouts; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public GatewayNetwork(INetworkTransport transport, GatewayNetworkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        Options = (options ?? new GatewayNetworkOptions()).Validate();
        Logger = (Options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Switchboard.Network");
        Statistics = new NetworkStatistics();
        Drops = new DropLog(Logger);
        var keys = NetworkKeys.From(Options);
        IsAuthenticated = keys is not null;
        Transport = keys is null ? transport : new SealedTransport(transport, new EnvelopeSeal(keys, Options.ReplayWindow), Options.MaxMessageBytes, Refuse);
        Channels = new NetworkChannels(Options.NetworkName);
        NodeId = MessageIds.NewNodeId();
        NodeChannel = Channels.Node(NodeId);
        Replies = new PendingReplies(Statistics, Options.TimeProvider);
        Presence = new PresenceView(Options.PresenceTimeout, Options.TimeProvider);
        UnreachableWarnings = new UnreachableLog();
        Confirmations = new ReplyBatcher(this);

        // Confirmations of awaited sends wait while more messages do, and go out together when the queue runs dry.
        inbound = new InboundQueue(this, drained: Confirmations.Flush);
        presenceInbound = new InboundQueue(this, drained: null);
        nodeInbox = new NodeInbox(this);
    }

    /// <summary>The network's name, the prefix of its channels.</summary>
    public string NetworkName => Options.NetworkName;

    /// <summary>The options the network was created with.</summary>
    public GatewayNetworkOptions Options { get; }

    /// <summary>What this node received and dropped.</summary>
    public NetworkStatistics Statistics { get; }

    /// <summary>
    /// Whether messages are signed and checked with <see cref="GatewayNetworkOptions.NetworkKey"/>. When
    /// <see langword="false"/>, anyone who can publish to the transport can run any handler as anyone.
    /// </summary>
    public bool IsAuthenticated { get; }

    /// <summary>Whether the transport is connected now.</summary>
    public bool IsConnected => Transport.IsConnected;

    /// <summary>The gateways, on any node, heard from within <see cref="GatewayNetworkOptions.PresenceTimeout"/>, sorted by name.</summary>
    public IReadOnlyList<string> LiveGateways => Presence.Alive();

    internal INetworkTransport Transport { get; }

    internal ILogger Logger { get; }

    internal NetworkChannels Channels { get; }

    internal string NodeId { get; }

    internal string NodeChannel { get; }

    internal PendingReplies Replies { get; }

    /// <summary>The answers this node still owes its requesters; closing waits for them before it closes the transport.</summary>
    internal RepliesInFlight RepliesOwed { get; } = new();

    internal PresenceView Presence { get; }

    internal DropLog Drops { get; }

    /// <summary>Rate-limits the warnings about unreachable remote servers, so that one send naming many cannot flood the log.</summary>
    internal UnreachableLog UnreachableWarnings { get; }

    /// <summary>The confirmations of awaited sends; used only by the worker of the node's inbound queue.</summary>
    internal ReplyBatcher Confirmations { get; }

    /// <summary>
    /// Joins <paramref name="gateway"/> to the network under its <see cref="Gateway.Name"/>: other gateways can now name it
    /// in <c>remoteServers</c> and remote requests, remote clients can connect to it, and it can reach them. Closing the
    /// gateway leaves the network.
    /// </summary>
    /// <param name="gateway">The gateway; one network per gateway.</param>
    /// <param name="cancellationToken">Cancels joining.</param>
    /// <returns>A task that completes once the gateway receives messages from the network.</returns>
    /// <exception cref="InvalidOperationException">The gateway is already on a network, or another gateway of that name is on this one.</exception>
    /// <exception cref="ObjectDisposedException">The gateway or the network has been closed.</exception>
    public async Task JoinAsync(Gateway gateway, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ObjectDisposedException.ThrowIf(gateway.IsClosed, gateway);
        if (gateway.NetworkLink is not null)
        {
            throw new InvalidOperationException($"{gateway} is already on a gateway network; a gateway joins one network.");
        }

        await EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
        var membership = new GatewayMembership(this, gateway);
        if (!memberships.TryAdd(gateway.Name, membership))
        {
            throw new InvalidOperationException($"This node already has a gateway named \"{gateway.Name}\" on network \"{NetworkName}\".");
        }

        try
        {
            // A listener on the gateway's channel means another process already runs a gateway of that name.
            var listeners = await Transport.PublishAsync(
                membership.Channel, EnvelopeWriter.Write(PingEnvelope.Instance), cancellationToken).ConfigureAwait(false);
            if (listeners > 0)
            {
                throw new InvalidOperationException(
                    $"A gateway named \"{gateway.Name}\" is already on network \"{NetworkName}\"; gateway names must be unique on a network.");
            }

            await inbound.SubscribeAsync(membership.Channel, membership.Inbox, cancellationToken).ConfigureAwait(false);
            gateway.NetworkLink = membership;
        }
        catch
        {
            memberships.TryRemove(gateway.Name, out _);
            throw;
        }

        Log.JoinedNetwork(Logger, gateway.Name, NetworkName, NodeId);
        await membership.AnnounceAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Connects a remote client to the gateway named <paramref name="gatewayName"/>, as a desktop application connects
    /// to its gateway: the gateway selects it with the same filters as its own clients, its client handlers run here,
    /// and it sends through the gateway. It heartbeats, so that the gateway stops selecting it within
    /// <see cref="GatewayNetworkOptions.PresenceTimeout"/> after this process dies, and attaches again by itself after
    /// the gateway or the network restarts.
    /// </summary>
    /// <param name="gatewayName">The gateway to connect to, for example <c>agent-8088</c>.</param>
    /// <param name="identity">The client's project, user, roles, host and address; a session id is chosen when it has none.</param>
    /// <param name="project">The client's project, whose client handlers run here (usually the generated registry).</param>
    /// <param name="options">Pool sizes, drain timeout, logging and services for the client's handlers; defaults when <see langword="null"/>.</param>
    /// <param name="services">Services for the client's instance handlers.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>The connected client; dispose it to disconnect.</returns>
    /// <exception cref="ArgumentException">The project does not match the identity's, or the gateway refused the identity (for example a session id in use).</exception>
    /// <exception cref="GatewayUnreachableException">No gateway of that name answered within <see cref="GatewayNetworkOptions.ConnectTimeout"/>.</exception>
    /// <exception cref="ObjectDisposedException">The network has been closed.</exception>
    public async Task<RemoteClient> ConnectClientAsync(
        string gatewayName,
        ClientIdentity identity,
        IProjectRegistry project,
        GatewayOptions? options = null,
        IServiceProvider? services = null,
        CancellationToken cancellationToken = default)
    {
        MessageNames.Check(gatewayName);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(project);
        MessageNames.Check(identity);
        if (!string.Equals(project.ProjectName, identity.Project, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The client runs project \"{identity.Project}\" but was given the handlers of project \"{project.ProjectName}\".", nameof(project));
        }

        await EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
        var client = RemoteClient.Create(this, gatewayName, identity, project, options ?? new GatewayOptions { LoggerFactory = Options.LoggerFactory }, services);
        if (!clients.TryAdd(ClientKey(gatewayName, client.SessionId), client))
        {
            await client.CloseLocallyAsync().ConfigureAwait(false);
            throw new ArgumentException($"This node already has a remote client with session id \"{client.SessionId}\" on gateway \"{gatewayName}\".", nameof(identity));
        }

        try
        {
            await client.AttachAsync(cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            clients.TryRemove(ClientKey(gatewayName, client.SessionId), out _);
            await client.CloseLocallyAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Leaves the network: every joined gateway stops being reachable (the gateways themselves stay open), every remote
    /// client of this node disconnects, the requests this node accepted are answered (waiting at most 5 s for handlers
    /// still running), and the transport is closed.
    /// </summary>
    /// <returns>A task that completes when everything has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        foreach (var client in clients.Values)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var membership in memberships.Values)
        {
            await membership.LeaveAsync().ConfigureAwait(false);
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        if (heartbeats is not null)
        {
            await heartbeats.ConfigureAwait(false);
        }

        Transport.ConnectionChanged -= OnConnectionChanged;
        Replies.FailAll(new NetworkConnectionLostException($"the gateway network \"{NetworkName}\" was closed"));
        await inbound.CompleteAsync().ConfigureAwait(false);
        await presenceInbound.CompleteAsync().ConfigureAwait(false);
        await AnswerWhatIsOwedAsync().ConfigureAwait(false);
        await Transport.DisposeAsync().ConfigureAwait(false);
        Replies.Dispose();
        stopping.Dispose();
        startLock.Dispose();
    }

    internal static string ClientKey(string gatewayName, string sessionId) => gatewayName + "\n" + sessionId;

    internal RemoteClient? FindClient(string gatewayName, string sessionId) => clients.GetValueOrDefault(ClientKey(gatewayName, sessionId));

    internal void Forget(RemoteClient client) => clients.TryRemove(new KeyValuePair<string, RemoteClient>(ClientKey(client.GatewayName, client.SessionId), client));

    /// <summary>Stops receiving a gateway's channel; what already waits on it is still handled.</summary>
    internal ValueTask UnsubscribeAsync(string gatewayChannel) => inbound.UnsubscribeAsync(gatewayChannel);

    internal void Forget(GatewayMembership membership) => memberships.TryRemove(new KeyValuePair<string, GatewayMembership>(membership.Gateway.Name, membership));

    /// <summary>Encodes an envelope and refuses it when it is larger than <see cref="GatewayNetworkOptions.MaxMessageBytes"/>.</summary>
    /// <exception cref="PayloadConversionException">The envelope is too large.</exception>
    internal byte[] Encode(Envelope envelope)
    {
        var bytes = EnvelopeWriter.Write(NetworkTracing.Stamp(envelope));
        if (bytes.Length > Options.MaxMessageBytes)
        {
            throw new PayloadConversionException(
                (envelope as HandlerMessage)?.Project ?? "", (envelope as HandlerMessage)?.Handler ?? "", typeof(object), key: null,
                $"the message is {bytes.Length} bytes, more than GatewayNetworkOptions.MaxMessageBytes ({Options.MaxMessageBytes}) allows on network \"{NetworkName}\".");
        }

        return bytes;
    }

    /// <summary>Publishes a reply without waiting; a reply that cannot be sent is logged, since its requester times out anyway.</summary>
    internal void Reply(string replyTo, ReplyEnvelope reply)
    {
        byte[] bytes;
        try
        {
            try
            {
                bytes = Encode(reply);
            }
            catch (PayloadConversionException tooLarge)
            {
                bytes = Encode(reply with { Payload = default, Results = null, Outcome = new WireOutcome(OutcomeCodes.Failed, tooLarge.Message, typeof(PayloadConversionException).FullName) });
            }
        }
        catch (Exception exception)
        {
            Log.ReplyNotSent(Logger, reply.Id, replyTo, exception.Message);
            return;
        }

        _ = PublishReplyAsync(replyTo, bytes, reply.Id);
    }

    /// <summary>Publishes encoded replies; a failure is logged, since their requesters time out anyway.</summary>
    internal async Task PublishReplyAsync(string replyTo, byte[] bytes, string description)
    {
        using var owed = RepliesOwed.Begin();
        try
        {
            await Transport.PublishAsync(replyTo, bytes).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log.ReplyNotSent(Logger, description, replyTo, exception.Message);
        }
    }

    /// <summary>
    /// Waits, at most <see cref="RepliesInFlight.CloseWait"/>, for the replies to requests this node accepted: a
    /// handler that finished while its gateway drained still answers before the transport closes under it.
    /// </summary>
    private async Task AnswerWhatIsOwedAsync()
    {
        try
        {
            await RepliesOwed.WhenNoneAsync().WaitAsync(RepliesInFlight.CloseWait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A handler still running: its reply is logged as not sent (event ReplyNotSent) when it finishes.
        }
    }

    /// <summary>A received message failed its signature check: counted and logged like a malformed one.</summary>
    private void Refuse(string channel, DropReason reason, string detail)
    {
        Statistics.CountReceived();
        try
        {
            Drops.Report(reason, channel, detail);
        }
        finally
        {
            Statistics.CountDropped(reason);
        }
    }

    private async Task EnsureStartedAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);
        if (Volatile.Read(ref started))
        {
            return;
        }

        await startLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (started)
            {
                return;
            }

            Transport.ConnectionChanged += OnConnectionChanged;
            await inbound.SubscribeAsync(NodeChannel, nodeInbox, cancellationToken).ConfigureAwait(false);
            await presenceInbound.SubscribeAsync(Channels.Presence, nodeInbox.Presence, cancellationToken).ConfigureAwait(false);
            heartbeats = Task.Run(HeartbeatLoopAsync, CancellationToken.None);
            Volatile.Write(ref started, true);
        }
        finally
        {
            startLock.Release();
        }
    }

    private async Task HeartbeatLoopAsync()
    {
        using var timer = new PeriodicTimer(Options.HeartbeatInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token).ConfigureAwait(false))
            {
                await BeatAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Closing.
        }
    }

    private async Task BeatAsync()
    {
        foreach (var membership in memberships.Values)
        {
            await membership.AnnounceAsync().ConfigureAwait(false);
            membership.SweepSilentClients();
        }

        foreach (var client in clients.Values)
        {
            await client.HeartbeatAsync().ConfigureAwait(false);
        }

        // Sends and requests in flight to a gateway that fell silent end now, not at their own timeouts.
        Replies.FailSilent(Presence);
        Presence.Prune();
    }

    private void OnConnectionChanged(object? sender, NetworkConnectionEventArgs change)
    {
        if (change.IsConnected)
        {
            Log.ConnectionRestored(Logger, NetworkName, change.Reason);

            // Announce at once, so that others need not wait a heartbeat to see this node's gateways and clients again.
            _ = Task.Run(BeatAsync);
            return;
        }

        var failed = Replies.FailAll(new NetworkConnectionLostException(change.Reason));
        Log.ConnectionLost(Logger, NetworkName, change.Reason, failed);
    }
}
