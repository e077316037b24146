using System.Diagnostics;

namespace Switchboard;

/// <summary>
/// A gateway's routing: which projects it hosts, which clients and sessions are attached, and how a send selects
/// and queues. Selection and queuing happen under one read lock, so that an endpoint that detaches (write lock)
/// has either received a delivery in full or was never selected: nothing accepted is lost.
/// </summary>
internal sealed partial class MessageRouter
{
    private readonly Gateway gateway;
    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, ProjectEndpoints> endpointsByProject = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AttachedEndpoint> bySessionId = new(StringComparer.OrdinalIgnoreCase);
    private readonly object projectsLock = new();
    private Dictionary<string, ProjectHandlers> projects = new(StringComparer.Ordinal);
    private long sequence;
    private bool closed;

    [ThreadStatic]
    private static List<AttachedEndpoint>? selectionBuffer;

    public MessageRouter(Gateway gateway) => this.gateway = gateway;

    public IReadOnlyCollection<string> ProjectNames => Volatile.Read(ref projects).Keys;

    public void AddProject(IProjectRegistry registry)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registry.ProjectName, nameof(registry));
        lock (projectsLock)
        {
            // Copy on write: sends read the map without a lock.
            var next = new Dictionary<string, ProjectHandlers>(projects, projects.Comparer);
            next[registry.ProjectName] = next.GetValueOrDefault(registry.ProjectName, ProjectHandlers.Empty).With(registry);
            Volatile.Write(ref projects, next);
        }
    }

    public TEndpoint Attach<TEndpoint>(EndpointIdentity identity, Func<string, long, TEndpoint> create)
        where TEndpoint : AttachedEndpoint
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identity.Project, nameof(identity));
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
            EndpointsOf(endpoint.Project).IndexFor(endpoint.HandlerScope).Add(endpoint);
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
            if (bySessionId.Remove(endpoint.SessionId) && endpointsByProject.TryGetValue(endpoint.Project, out var project))
            {
                project.IndexFor(endpoint.HandlerScope).Remove(endpoint);
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

    public DeliveryReport Send(
        Endpoint sender,
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
        using var activity = SendTelemetry.Start("switchboard.send", ActivityKind.Producer, project, messageHandler, filters.Scope);
        var report = RemoteDelivery.Applies(gateway, remoteServers)
            ? RemoteDelivery.Send(gateway, sender.SenderInfo, project, messageHandler, payload, filters, remoteServers)
            : SendLocal(sender.SenderInfo, project, messageHandler, payload, filters);
        SendTelemetry.Record(activity, project, report);
        return report;
    }

    /// <summary>The awaited send: like <see cref="Send"/>, and over a gateway network it also waits for the remote gateways' own results.</summary>
    public ValueTask<DeliveryReport> SendAsync(
        Endpoint sender,
        string project,
        string messageHandler,
        object? payload,
        Scope? scope,
        string? clientSessionId,
        string? user,
        string? hasRole,
        string? hostName,
        IReadOnlyList<string>? remoteServers,
        CancellationToken cancellationToken) =>
        // The local path completes synchronously: no state machine on the hot path.
        RemoteDelivery.Applies(gateway, remoteServers)
            ? SendRemoteAsync(sender, project, messageHandler, payload, scope, clientSessionId, user, hasRole, hostName, remoteServers, cancellationToken)
            : new(Send(sender, project, messageHandler, payload, scope, clientSessionId, user, hasRole, hostName, remoteServers));

    private async ValueTask<DeliveryReport> SendRemoteAsync(
        Endpoint sender,
        string project,
        string messageHandler,
        object? payload,
        Scope? scope,
        string? clientSessionId,
        string? user,
        string? hasRole,
        string? hostName,
        IReadOnlyList<string>? remoteServers,
        CancellationToken cancellationToken)
    {
        var filters = SendFilters.Create(project, messageHandler, scope, clientSessionId, user, hasRole, hostName);
        using var activity = SendTelemetry.Start("switchboard.send", ActivityKind.Producer, project, messageHandler, filters.Scope);
        var report = await RemoteDelivery.SendAsync(gateway, sender.SenderInfo, project, messageHandler, payload, filters, remoteServers, cancellationToken)
            .ConfigureAwait(false);
        SendTelemetry.Record(activity, project, report);
        return report;
    }

    /// <summary>Selects and queues on this gateway's own endpoints; messages from the gateway network arrive here with their sender's identity.</summary>
    public DeliveryReport SendLocal(SenderInfo info, string project, string messageHandler, object? payload, in FilterParams filters)
    {
        // Everything that can fail for the sender (an unconvertible payload) fails here, before anything is queued.
        var handlers = Volatile.Read(ref projects).GetValueOrDefault(project, ProjectHandlers.Empty);
        var toGateway = Target.Resolve(handlers, Scope.Gateway, filters.Scope, messageHandler, payload, info, project);
        var toClients = Target.Resolve(handlers, Scope.Client, filters.Scope, messageHandler, payload, info, project);
        var toSessions = Target.Resolve(handlers, Scope.Session, filters.Scope, messageHandler, payload, info, project);

        var results = new DeliveryResultsBuilder();
        gate.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(closed, gateway);
            if (toGateway.Selected)
            {
                var status = toGateway.DeliverTo(gateway, info);
                results.Add(new DeliveryResult
                {
                    Type = DeliveryTargetType.Gateway,
                    Project = project,
                    MessageHandler = messageHandler,
                    FilterParams = filters,
                    Status = status,
                });
            }

            if ((toClients.Selected || toSessions.Selected) && endpointsByProject.TryGetValue(project, out var attached))
            {
                SelectAndDeliver(ref toClients, attached.Clients, project, messageHandler, filters, info, ref results);
                SelectAndDeliver(ref toSessions, attached.Sessions, project, messageHandler, filters, info, ref results);
            }
        }
        finally
        {
            gate.ExitReadLock();
        }

        toGateway.LogOutcome(gateway);
        toClients.LogOutcome(gateway);
        toSessions.LogOutcome(gateway);
        return results.Build();
    }

    /// <summary>Queues a delivery on the gateway itself, unless the gateway has closed.</summary>
    /// <exception cref="ObjectDisposedException">The gateway has closed.</exception>
    private bool TryQueueOnGateway(in WorkItem item)
    {
        gate.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(closed, gateway);
            return gateway.TryDeliver(item);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    private static void SelectAndDeliver(
        ref Target target,
        EndpointIndex index,
        string project,
        string messageHandler,
        in FilterParams filters,
        SenderInfo info,
        ref DeliveryResultsBuilder results)
    {
        if (!target.Selected || index.Count == 0)
        {
            return;
        }

        var selected = selectionBuffer ??= [];
        try
        {
            index.Select(filters, selected);
            foreach (var endpoint in selected)
            {
                results.Add(new DeliveryResult
                {
                    Type = endpoint.TargetType,
                    SessionId = endpoint.SessionId,
                    ClientAddress = endpoint.Address,
                    ClientHostName = endpoint.HostName,
                    Project = project,
                    MessageHandler = messageHandler,
                    FilterParams = filters,
                    Status = target.DeliverTo(endpoint, info),
                });
            }
        }
        finally
        {
            selected.Clear();
        }
    }

    private ProjectEndpoints EndpointsOf(string project)
    {
        if (!endpointsByProject.TryGetValue(project, out var endpoints))
        {
            endpointsByProject[project] = endpoints = new ProjectEndpoints();
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
        public EndpointIndex Clients { get; } = new();

        public EndpointIndex Sessions { get; } = new();

        public EndpointIndex IndexFor(Scope scope) => scope == Scope.Client ? Clients : Sessions;
    }
}
