using System.Diagnostics;

namespace Switchboard;

/// <summary>
/// Request-all (scatter-gather): the selection of a send, with a <see cref="RequestAllCall{TResponse}"/> slot per
/// selected target that its handler's answer fills.
/// </summary>
/// <remarks>
/// Selection is a send's: the same <see cref="MessageSend"/>, handler resolution and role check, the same indexes,
/// queues and closing rules; what differs is that each queued delivery carries its slot, and a target that cannot be
/// asked (no handler, denied, queue full) fills its slot with the reason at once. Remote servers (and everything a
/// remote client's stand-in asks) go to the network through <see cref="INetworkLink.RequestAll"/>, which fills one
/// slot per server with that server's own targets.
/// </remarks>
internal sealed partial class MessageRouter
{
    /// <summary>Starts a request-all; its report or stream is the returned call's.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is neither positive nor infinite.</exception>
    /// <exception cref="PayloadConversionException">The payload does not convert for a selected handler (nothing was queued).</exception>
    /// <exception cref="OperationCanceledException">The caller's token was cancelled already.</exception>
    /// <exception cref="ObjectDisposedException">The gateway has closed.</exception>
    public RequestAllCall<TResponse> RequestAll<TResponse>(in MessageSend send, TimeSpan? timeout, bool streaming, CancellationToken cancellationToken)
    {
        var wait = RequestWait(timeout);
        cancellationToken.ThrowIfCancellationRequested();
        if (!RemoteDelivery.Applies(gateway, send.RemoteServers))
        {
            return RequestAllLocal<TResponse>(send, wait, streaming, cancellationToken);
        }

        ObjectDisposedException.ThrowIf(closed, gateway);
        using var activity = SendTelemetry.Start("switchboard.request_all", ActivityKind.Client, send.Project, send.Handler, send.Filters.Scope);
        var call = new RequestAllCall<TResponse>(send.Project, send.Handler, wait, cancellationToken, gateway.Deadlines, streaming);
        call.Start();
        try
        {
            RemoteDelivery.RequestAll(gateway, call, send, wait, cancellationToken);
        }
        finally
        {
            call.SelectionDone();
        }

        return call;
    }

    /// <summary>Asks this gateway's own targets; request-alls from the gateway network arrive here with their sender's identity.</summary>
    /// <exception cref="PayloadConversionException">The payload does not convert for a selected handler (nothing was queued).</exception>
    /// <exception cref="ObjectDisposedException">The gateway has closed.</exception>
    public RequestAllCall<TResponse> RequestAllLocal<TResponse>(in MessageSend send, TimeSpan wait, bool streaming, CancellationToken cancellationToken)
    {
        // Everything that can fail for the sender fails here, before anything is queued.
        var handlers = Volatile.Read(ref projects).GetValueOrDefault(send.Project, ProjectHandlers.Empty);
        var toGateway = Target.Resolve(handlers, Scope.Gateway, send);
        var toClients = Target.Resolve(handlers, Scope.Client, send);
        var toSessions = Target.Resolve(handlers, Scope.Session, send);
        ObjectDisposedException.ThrowIf(closed, gateway);

        using var activity = SendTelemetry.Start("switchboard.request_all", ActivityKind.Client, send.Project, send.Handler, send.Filters.Scope);
        var call = new RequestAllCall<TResponse>(send.Project, send.Handler, wait, cancellationToken, gateway.Deadlines, streaming);
        call.Start();
        try
        {
            if (toGateway.Selected)
            {
                Ask(call, ref toGateway, gateway, send.Result(DeliveryTargetType.Gateway, DeliveryStatus.Sent), send.Sender);
            }

            if ((toClients.Selected || toSessions.Selected)
                && Volatile.Read(ref endpointsByProject).TryGetValue(send.Project, out var attached)
                && attached.Any)
            {
                gate.EnterReadLock();
                try
                {
                    SelectAndAsk(call, ref toClients, attached.Clients, send);
                    SelectAndAsk(call, ref toSessions, attached.Sessions, send);
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

        Target.LogOutcomes(gateway, send, toGateway, toClients, toSessions);
        return call;
    }

    /// <inheritdoc />
    async Task<IReadOnlyList<RequestAllAnswer>> ILocalDelivery.RequestAllAsync(Endpoint? sender, MessageSend send, TimeSpan wait, CancellationToken cancellationToken)
    {
        var call = sender is null
            ? RequestAllLocal<object?>(send, wait, streaming: false, cancellationToken)
            : RequestAll<object?>(send, wait, streaming: false, cancellationToken);
        var report = await call.Report.ConfigureAwait(false);
        var answers = new RequestAllAnswer[report.Count];
        for (var i = 0; i < answers.Length; i++)
        {
            answers[i] = RequestAllAnswer.From(report[i]);
        }

        return answers;
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

    private static void SelectAndAsk<TResponse>(RequestAllCall<TResponse> call, ref Target target, EndpointIndex index, in MessageSend send)
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
                Ask(call, ref target, endpoint, send.Result(endpoint, DeliveryStatus.Sent), send.Sender);
            }
        }
        finally
        {
            selected.Clear();
        }
    }

    private static void Ask<TResponse>(RequestAllCall<TResponse> call, ref Target target, Endpoint endpoint, in DeliveryResult identity, SenderInfo sender)
    {
        var slot = call.Expect(identity);
        FullQueueWaits? reportAtOnce = null; // a request-all reports a full queue at once, as SendMessage does
        switch (target.DeliverTo(endpoint, sender, ref reportAtOnce, line: -1, slot))
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
