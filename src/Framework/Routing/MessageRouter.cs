using System.Diagnostics;

namespace Switchboard;

/// <summary>
/// A gateway's routing: which projects it hosts, which clients and sessions are attached, and how a send selects
/// and queues. An endpoint that detaches (or the gateway, when it closes) has either received a delivery in full or
/// was never selected: nothing accepted is lost, and no delivery runs after the endpoint's drain has finished.
/// </summary>
/// <remarks>
/// <para>That guarantee does not rest on a lock. Each endpoint counts a delivery before queuing it and refuses it once
/// its drain has begun (<see cref="PendingWork"/>: a Dekker pair of full fences), and an endpoint begins its drain only
/// after it can no longer be selected (detached from the index, or the gateway marked closed). So a send that still
/// reaches a closing endpoint is either counted, and drained, or refused, and the endpoint is left out of the report as
/// if it had closed before the send. Sends to the gateway itself take no lock at all.</para>
/// <para>The client and session indexes are mutable hash sets and dictionaries, so selecting from them takes the read
/// lock that attach and detach take for writing; that lock only keeps the indexes consistent. (A copy-on-write
/// snapshot of the indexes would cost a copy of every index per attach: quadratic for 100,000 sessions.)</para>
/// </remarks>
internal sealed partial class MessageRouter : ILocalDelivery
{
    private readonly Gateway gateway;
    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, AttachedEndpoint> bySessionId = new(StringComparer.OrdinalIgnoreCase);
    private readonly object projectsLock = new();
    private Dictionary<string, ProjectHandlers> projects = new(StringComparer.Ordinal);

    // Copy on write (a project is added once, at its first attach), so that a send finds out without a lock whether
    // anything of its project is attached at all; the indexes inside are read under the read lock.
    private Dictionary<string, ProjectEndpoints> endpointsByProject = new(StringComparer.Ordinal);
    private long sequence;
    private volatile bool closed;
    private volatile bool anyDurable;

    [ThreadStatic]
    private static List<AttachedEndpoint>? selectionBuffer;

    public MessageRouter(Gateway gateway) => this.gateway = gateway;

    public IReadOnlyCollection<string> ProjectNames => Volatile.Read(ref projects).Keys;

    public void AddProject(IProjectRegistry registry)
    {
        MessageNames.Check(registry.ProjectName, nameof(registry));
        lock (projectsLock)
        {
            // Copy on write: sends read the map without a lock.
            var next = new Dictionary<string, ProjectHandlers>(projects, projects.Comparer);
            var handlers = next.GetValueOrDefault(registry.ProjectName, ProjectHandlers.Empty).With(registry);
            next[registry.ProjectName] = handlers;
            Volatile.Write(ref projects, next);
            anyDurable |= handlers.HasDurable;
        }
    }

    public TEndpoint Attach<TEndpoint>(EndpointIdentity identity, Func<string, long, TEndpoint> create)
        where TEndpoint : AttachedEndpoint
    {
        MessageNames.Check(identity);
        if (identity.SessionId is { } given && string.IsNullOrWhiteSpace(given))
        {
            throw new ArgumentException("A given SessionId must not be empty or whitespace; leave it null to have one assigned.", nameof(identity));
        }

        gate.EnterWriteLock();
        try
        {
            ObjectDisposedException.ThrowIf(closed, gateway);
            var sessionId = identity.SessionId ?? NewSessionId();
            if (bySessionId.ContainsKey(sessionId))
            {
                throw new ArgumentException(
                    $"The session id \"{sessionId}\" is already in use on gateway \"{gateway.Name}\"; give another or leave it null.",
                    nameof(identity));
            }

            var endpoint = create(sessionId, ++sequence);
            bySessionId.Add(sessionId, endpoint);
            EndpointsOf(endpoint.Project).Add(endpoint);
            return endpoint;
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    public void Detach(AttachedEndpoint endpoint)
    {
        gate.EnterWriteLock();
        try
        {
            // Once this returns no send can select the endpoint; only then does its drain begin (AttachedEndpoint.CloseAsync).
            if (bySessionId.Remove(endpoint.SessionId) && endpointsByProject.TryGetValue(endpoint.Project, out var project))
            {
                project.Remove(endpoint);
            }
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Stops all routing and returns the endpoints that were attached, for the gateway to close.</summary>
    public IReadOnlyList<AttachedEndpoint> Close()
    {
        gate.EnterWriteLock();
        try
        {
            // From here no send can select anything; the endpoints returned drain next, then the gateway itself.
            closed = true;
            return [.. bySessionId.Values];
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    public AttachedEndpoint? Find(string sessionId)
    {
        gate.EnterReadLock();
        try
        {
            return bySessionId.GetValueOrDefault(sessionId);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    public int Count(EndpointKind kind)
    {
        gate.EnterReadLock();
        try
        {
            var count = 0;
            foreach (var project in endpointsByProject.Values)
            {
                count += project.IndexFor(kind == EndpointKind.Client ? Scope.Client : Scope.Session).Count;
            }

            return count;
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>
    /// Whether <paramref name="send"/> goes the durable way: it reaches gateway scope, and this gateway's project
    /// declares that gateway handler <see cref="DeliveryMode.Durable"/>. One field read for gateways without durable handlers.
    /// </summary>
    public bool IsDurable(in MessageSend send) =>
        anyDurable
        && DurableSends.Applies(send.Filters.Scope)
        && Volatile.Read(ref projects).TryGetValue(send.Project, out var handlers)
        && handlers.Find(Scope.Gateway, send.Handler)?.Delivery == DeliveryMode.Durable;

    public DeliveryReport Send(in MessageSend send)
    {
        using var activity = SendTelemetry.Start("switchboard.send", ActivityKind.Producer, send.Project, send.Handler, send.Filters.Scope);
        var report = RemoteDelivery.Applies(gateway, send.RemoteServers)
            ? RemoteDelivery.Send(gateway, send)
            : SendLocal(send);
        SendTelemetry.Record(activity, send.Project, report);
        return report;
    }

    /// <summary>
    /// The awaited send: like <see cref="Send"/>, except that in <see cref="QueueFullMode.Wait"/> it waits for room in
    /// full queues, and over a gateway network it also waits for the remote gateways' own results, unless the network
    /// was told not to confirm remote sends.
    /// </summary>
    public ValueTask<DeliveryReport> SendAsync(MessageSend send, CancellationToken cancellationToken)
    {
        if (RemoteDelivery.Applies(gateway, send.RemoteServers))
        {
            return SendRemoteAsync(send, cancellationToken);
        }

        if (gateway.Options.QueueFullMode == QueueFullMode.Report)
        {
            return new(Send(send));
        }

        // The local path completes synchronously unless a queue was full: no state machine on the hot path.
        using var activity = SendTelemetry.Start("switchboard.send", ActivityKind.Producer, send.Project, send.Handler, send.Filters.Scope);
        FullQueueWaits? full = null;
        var report = SendLocal(send, ref full);
        if (full is not null)
        {
            return WaitForRoomAsync(send, report, full, cancellationToken);
        }

        SendTelemetry.Record(activity, send.Project, report);
        return new(report);
    }

    private static async ValueTask<DeliveryReport> WaitForRoomAsync(MessageSend send, DeliveryReport queued, FullQueueWaits full, CancellationToken cancellationToken)
    {
        // The send's span has ended with the select-and-queue; the counters count each target once, with its final status.
        var report = await full.DeliverAsync(queued, cancellationToken).ConfigureAwait(false);
        SendTelemetry.Record(activity: null, send.Project, report);
        return report;
    }

    private async ValueTask<DeliveryReport> SendRemoteAsync(MessageSend send, CancellationToken cancellationToken)
    {
        using var activity = SendTelemetry.Start("switchboard.send", ActivityKind.Producer, send.Project, send.Handler, send.Filters.Scope);
        var report = await RemoteDelivery.SendAsync(gateway, send, cancellationToken).ConfigureAwait(false);
        SendTelemetry.Record(activity, send.Project, report);
        return report;
    }

    /// <summary>Selects and queues on this gateway's own endpoints; messages from the gateway network arrive here with their sender's identity.</summary>
    public DeliveryReport SendLocal(in MessageSend send)
    {
        FullQueueWaits? reportAtOnce = null;
        return SendLocal(send, ref reportAtOnce, waitForRoom: false);
    }

    /// <summary>Selects and queues; a delivery that finds its queue full is kept in <paramref name="full"/> to be retried.</summary>
    private DeliveryReport SendLocal(in MessageSend send, ref FullQueueWaits? full) => SendLocal(send, ref full, waitForRoom: true);

    private DeliveryReport SendLocal(in MessageSend send, ref FullQueueWaits? full, bool waitForRoom)
    {
        // Everything that can fail for the sender (an unconvertible payload) fails here, before anything is queued.
        var handlers = Volatile.Read(ref projects).GetValueOrDefault(send.Project, ProjectHandlers.Empty);
        var toGateway = Target.Resolve(handlers, Scope.Gateway, send);
        var toClients = Target.Resolve(handlers, Scope.Client, send);
        var toSessions = Target.Resolve(handlers, Scope.Session, send);

        // Read without a lock: a send racing with Close either sees it here, or finds the gateway no longer
        // accepting below (the gateway drains only after Close), or delivers before that drain and is waited for.
        ObjectDisposedException.ThrowIf(closed, gateway);
        var results = new DeliveryResultsBuilder();
        if (toGateway.Selected)
        {
            // The gateway is the first target, so refusing here means nothing of this send was queued.
            var status = toGateway.DeliverTo(gateway, send.Sender, ref full, waitForRoom ? results.Count : -1);
            ObjectDisposedException.ThrowIf(status is null, gateway);
            results.Add(send.Result(DeliveryTargetType.Gateway, status.GetValueOrDefault()));
        }

        if ((toClients.Selected || toSessions.Selected)
            && Volatile.Read(ref endpointsByProject).TryGetValue(send.Project, out var attached)
            && attached.Any)
        {
            gate.EnterReadLock();
            try
            {
                SelectAndDeliver(ref toClients, attached.Clients, send, ref results, ref full, waitForRoom);
                SelectAndDeliver(ref toSessions, attached.Sessions, send, ref results, ref full, waitForRoom);
            }
            finally
            {
                gate.ExitReadLock();
            }
        }

        Target.LogOutcomes(gateway, send, toGateway, toClients, toSessions);
        return results.Build();
    }

    /// <summary>Queues a delivery on the gateway itself, unless the gateway has closed.</summary>
    /// <returns><see langword="false"/> when the gateway's queue is full.</returns>
    /// <exception cref="ObjectDisposedException">The gateway has closed.</exception>
    private bool TryQueueOnGateway(in WorkItem item)
    {
        ObjectDisposedException.ThrowIf(closed, gateway);
        var attempt = gateway.TryDeliver(item);
        ObjectDisposedException.ThrowIf(attempt == DeliveryAttempt.Closed, gateway);
        return attempt == DeliveryAttempt.Queued;
    }

    private static void SelectAndDeliver(
        ref Target target, EndpointIndex index, in MessageSend send, ref DeliveryResultsBuilder results, ref FullQueueWaits? full, bool waitForRoom)
    {
        if (!target.Selected || index.Count == 0)
        {
            return;
        }

        var selected = selectionBuffer ??= [];
        try
        {
            index.Select(send.Filters, selected);
            foreach (var endpoint in selected)
            {
                // An endpoint that has begun closing is left out, as if it had closed before this send.
                if (target.DeliverTo(endpoint, send.Sender, ref full, waitForRoom ? results.Count : -1) is not { } status)
                {
                    continue;
                }

                results.Add(send.Result(endpoint, status));
            }
        }
        finally
        {
            selected.Clear();
        }
    }

    // Under the write lock.
    private ProjectEndpoints EndpointsOf(string project)
    {
        if (!endpointsByProject.TryGetValue(project, out var endpoints))
        {
            endpoints = new ProjectEndpoints();
            Volatile.Write(ref endpointsByProject, new Dictionary<string, ProjectEndpoints>(endpointsByProject, endpointsByProject.Comparer)
            {
                [project] = endpoints,
            });
        }

        return endpoints;
    }

    private string NewSessionId()
    {
        while (true)
        {
            var id = ((uint)Random.Shared.NextInt64(0, 1L << 32)).ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
            if (!bySessionId.ContainsKey(id))
            {
                return id;
            }
        }
    }

    private sealed class ProjectEndpoints
    {
        // Written under the write lock, read by sends without it: zero means nothing of the project to select.
        private int attached;

        public EndpointIndex Clients { get; } = new();

        public EndpointIndex Sessions { get; } = new();

        public bool Any => Volatile.Read(ref attached) != 0;

        public EndpointIndex IndexFor(Scope scope) => scope == Scope.Client ? Clients : Sessions;

        public void Add(AttachedEndpoint endpoint)
        {
            IndexFor(endpoint.HandlerScope).Add(endpoint);
            Volatile.Write(ref attached, attached + 1);
        }

        public void Remove(AttachedEndpoint endpoint)
        {
            if (IndexFor(endpoint.HandlerScope).Remove(endpoint))
            {
                Volatile.Write(ref attached, attached - 1);
            }
        }
    }
}
