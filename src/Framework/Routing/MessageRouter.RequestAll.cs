using System.Diagnostics;

namespace Switchboard;

/// <summary>
/// Request-all (scatter-gather): the selection of a send, with a <see cref="RequestAllCall{TResponse}"/> slot per
/// selected target that its handler's answer fills.
/// </summary>
/// <remarks>
/// Selection is a send's: the same scope defaults and filters, the same handler resolution and role check, the same
/// indexes, queues and closing rules; what differs is that each queued delivery carries its slot, and a target that
/// cannot be asked (no handler, denied, queue full) fills its slot with the reason at once.
/// </remarks>
internal sealed partial class MessageRouter
{
    /// <summary>Starts a request-all; its report or stream is the returned call's.</summary>
    /// <exception cref="ArgumentException">The names are empty or the scope is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is neither positive nor infinite.</exception>
    /// <exception cref="PayloadConversionException">The payload does not convert for a selected handler (nothing was queued).</exception>
    /// <exception cref="OperationCanceledException">The caller's token was cancelled already.</exception>
    /// <exception cref="ObjectDisposedException">The gateway has closed.</exception>
    public RequestAllCall<TResponse> RequestAll<TResponse>(
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
        TimeSpan? timeout,
        bool streaming,
        CancellationToken cancellationToken)
    {
        var filters = SendFilters.Create(project, messageHandler, scope, clientSessionId, user, hasRole, hostName);
        var wait = RequestWait(timeout);
        cancellationToken.ThrowIfCancellationRequested();
        return RequestAllLocal<TResponse>(sender.SenderInfo, project, messageHandler, payload, filters, wait, streaming, cancellationToken);
    }

    /// <summary>Asks this gateway's own targets; request-alls from the gateway network arrive here with their sender's identity.</summary>
    public RequestAllCall<TResponse> RequestAllLocal<TResponse>(
        SenderInfo info, string project, string messageHandler, object? payload, in FilterParams filters, TimeSpan wait, bool streaming, CancellationToken cancellationToken)
    {
        // Everything that can fail for the sender fails here, before anything is queued.
        var handlers = Volatile.Read(ref projects).GetValueOrDefault(project, ProjectHandlers.Empty);
        var toGateway = Target.Resolve(handlers, Scope.Gateway, filters.Scope, messageHandler, payload, info, project);
        var toClients = Target.Resolve(handlers, Scope.Client, filters.Scope, messageHandler, payload, info, project);
        var toSessions = Target.Resolve(handlers, Scope.Session, filters.Scope, messageHandler, payload, info, project);
        ObjectDisposedException.ThrowIf(closed, gateway);

        using var activity = SendTelemetry.Start("switchboard.request_all", ActivityKind.Client, project, messageHandler, filters.Scope);
        var call = new RequestAllCall<TResponse>(project, messageHandler, wait, cancellationToken, requestDeadlines, streaming);
        call.Start();
        try
        {
            if (toGateway.Selected)
            {
                Ask(call, ref toGateway, gateway, new DeliveryResult
                {
                    Type = DeliveryTargetType.Gateway,
                    Project = project,
                    MessageHandler = messageHandler,
                    FilterParams = filters,
                    Status = DeliveryStatus.Sent,
                }, info);
            }

            if ((toClients.Selected || toSessions.Selected)
                && Volatile.Read(ref endpointsByProject).TryGetValue(project, out var attached)
                && attached.Any)
            {
                gate.EnterReadLock();
                try
                {
                    SelectAndAsk(call, ref toClients, attached.Clients, project, messageHandler, filters, info);
                    SelectAndAsk(call, ref toSessions, attached.Sessions, project, messageHandler, filters, info);
                }
                finally
                {
                    gate.ExitReadLock();
                }
            }
        }
        finally
        {
            call.SelectionDone();
        }

        toGateway.LogOutcome(gateway);
        toClients.LogOutcome(gateway);
        toSessions.LogOutcome(gateway);
        return call;
    }

    /// <summary>The timeout a request or request-all waits: the caller's, else the gateway's default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is neither positive nor <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    private TimeSpan RequestWait(TimeSpan? timeout)
    {
        var wait = timeout ?? gateway.Options.RequestTimeout;
        if (wait <= TimeSpan.Zero && wait != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A request timeout must be positive or Timeout.InfiniteTimeSpan.");
        }

        return wait;
    }

    private static void SelectAndAsk<TResponse>(
        RequestAllCall<TResponse> call, ref Target target, EndpointIndex index, string project, string messageHandler, in FilterParams filters, SenderInfo info)
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
                Ask(call, ref target, endpoint, new DeliveryResult
                {
                    Type = endpoint.TargetType,
                    SessionId = endpoint.SessionId,
                    ClientAddress = endpoint.Address,
                    ClientHostName = endpoint.HostName,
                    Project = project,
                    MessageHandler = messageHandler,
                    FilterParams = filters,
                    Status = DeliveryStatus.Sent,
                }, info);
            }
        }
        finally
        {
            selected.Clear();
        }
    }

    private static void Ask<TResponse>(RequestAllCall<TResponse> call, ref Target target, Endpoint endpoint, in DeliveryResult identity, SenderInfo info)
    {
        var slot = call.Expect(identity);
        switch (target.DeliverTo(endpoint, info, slot))
        {
            case null:
                // Closing: left out, as a send leaves it out.
                call.Withdraw(slot);
                break;
            case DeliveryStatus.Sent:
                break;
            case { } status:
                call.Settle(slot, status);
                break;
        }
    }
}
