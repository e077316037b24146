using System.Text.Json;

namespace Switchboard.Network;

/// <summary>
/// A joined gateway's sends to <c>remoteServers</c> and its remote requests. A server is <c>UNREACHABLE</c> when it has
/// fallen silent, when nobody listens on its channel, when the network is down, or (for an awaited send) when it does
/// not confirm in time; it is <c>SENT</c> only when a gateway of that name received the message.
/// </summary>
internal sealed class RemoteServers(GatewayNetwork network, Gateway gateway)
{
    public DeliveryReport Send(SenderInfo sender, string project, string messageHandler, object? payload, FilterParams filters, IReadOnlyList<string> servers)
    {
        var message = SendEnvelope(sender, project, messageHandler, payload, filters);
        var results = new DeliveryResult[servers.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = RemoteResult(servers[i], project, messageHandler, filters, PublishTo(servers[i], message with { Id = MessageIds.New() }, messageHandler));
        }

        return new DeliveryReport(results);
    }

    public async Task<DeliveryReport> SendAsync(
        SenderInfo sender, string project, string messageHandler, object? payload, FilterParams filters, IReadOnlyList<string> servers, CancellationToken cancellationToken)
    {
        var message = SendEnvelope(sender, project, messageHandler, payload, filters) with { ReplyTo = network.NodeChannel, AwaitResults = true };
        var sends = new Task<(DeliveryStatus Status, IReadOnlyList<WireResult> Results, WireOutcome? Refusal)>[servers.Count];
        for (var i = 0; i < sends.Length; i++)
        {
            sends[i] = SendAndAwaitAsync(servers[i], message, messageHandler, cancellationToken);
        }

        await Task.WhenAll(sends).ConfigureAwait(false);
        var report = new List<DeliveryResult>(servers.Count);
        for (var i = 0; i < sends.Length; i++)
        {
            var (status, remoteResults, refusal) = await sends[i].ConfigureAwait(false);
            if (refusal is not null)
            {
                // The remote gateway refused the payload before queuing anything, as a local send would have thrown.
                throw ReplyOutcomes.ToException(refusal, project, messageHandler, servers[i], gateway.Options.RequestTimeout);
            }

            // Each server's own line, then what it delivered (those carry its name in ServerName).
            report.Add(RemoteResult(servers[i], project, messageHandler, filters, status));
            foreach (var result in remoteResults)
            {
                report.Add(WireResults.ToResult(result, project, messageHandler, filters, servers[i]));
            }
        }

        return new DeliveryReport([.. report]);
    }

    public async Task<object?> RequestAsync(
        SenderInfo sender, string project, string messageHandler, object? payload, string server, TimeSpan timeout, Type? responseType, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (network.Presence.IsSilent(server, out var silence))
        {
            throw Unreachable(project, messageHandler, server, RemoteCall.Silent(silence));
        }

        var payloadJson = Encode(payload, project, messageHandler);
        var call = await RemoteCall.CallAsync(
            network,
            network.Channels.Gateway(server),
            id => new Envelope
            {
                Kind = EnvelopeKinds.Request,
                Id = id,
                Project = project,
                Handler = messageHandler,
                Sender = sender,
                Payload = payloadJson,
                ReplyTo = network.NodeChannel,
                Deadline = Deadline(timeout),
            },
            timeout,
            cancelOnGiveUp: true,
            cancellationToken).ConfigureAwait(false);
        return ResponseOf(call, project, messageHandler, server, timeout, responseType, gateway);
    }

    /// <summary>A request's value from its call, or the exception a local request would have thrown.</summary>
    internal static object? ResponseOf(
        in RemoteCallResult call, string project, string messageHandler, string server, TimeSpan timeout, Type? responseType, Gateway logTo)
    {
        if (call.IsTimedOut)
        {
            throw new RequestTimeoutException(project, messageHandler, timeout);
        }

        if (call.Failure is { } reason)
        {
            Log.Unreachable(logTo.Logger, server, messageHandler, reason);
            throw new GatewayUnreachableException(project, messageHandler, server, reason);
        }

        var answer = call.Reply!;
        return answer.Outcome!.Code == OutcomeCodes.Ok
            ? answer.Payload is { } element
                ? WireValue.Decode(element, responseType, new ConversionSite(project, messageHandler, responseType ?? typeof(object)))
                : null
            : throw ReplyOutcomes.ToException(answer.Outcome, project, messageHandler, server, timeout);
    }

    internal static JsonElement? Encode(object? payload, string project, string messageHandler) => payload is WirePayload fromNetwork
        ? fromNetwork.Json // Passed on as it arrived (a remote client's send to further servers), not decoded and encoded again.
        : WireValue.Encode(payload, new ConversionSite(project, messageHandler, payload?.GetType() ?? typeof(object)));

    // No deadline for an infinite or practically endless wait (more than int.MaxValue ms, about 24 days).
    internal static long? Deadline(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan || timeout.TotalMilliseconds > int.MaxValue
            ? null
            : DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + (long)Math.Ceiling(timeout.TotalMilliseconds);

    internal static DeliveryResult RemoteResult(string server, string project, string messageHandler, in FilterParams filters, DeliveryStatus status) => new()
    {
        Type = DeliveryTargetType.RemoteGateway,
        ServerName = server,
        Project = project,
        MessageHandler = messageHandler,
        FilterParams = filters,
        Status = status,
    };

    private Envelope SendEnvelope(SenderInfo sender, string project, string messageHandler, object? payload, in FilterParams filters)
    {
        var message = new Envelope
        {
            Kind = EnvelopeKinds.Send,
            Project = project,
            Handler = messageHandler,
            Filters = filters,
            Sender = sender,
            Payload = Encode(payload, project, messageHandler),
        };

        // Encoding once up front makes a too-large message fail the sender before any server gets it.
        network.Encode(message with { Id = MessageIds.New(), ReplyTo = network.NodeChannel, Deadline = 0 });
        return message;
    }

    private DeliveryStatus PublishTo(string server, Envelope message, string messageHandler)
    {
        if (network.Presence.IsSilent(server, out var silence))
        {
            Log.Unreachable(gateway.Logger, server, messageHandler, RemoteCall.Silent(silence));
            return DeliveryStatus.Unreachable;
        }

        long listeners;
        try
        {
            listeners = network.Transport.Publish(network.Channels.Gateway(server), network.Encode(message));
        }
        catch (Exception exception)
        {
            Log.Unreachable(gateway.Logger, server, messageHandler, $"the network connection is down ({exception.Message}).");
            return DeliveryStatus.Unreachable;
        }

        if (listeners == 0)
        {
            Log.Unreachable(gateway.Logger, server, messageHandler, RemoteCall.NobodyListens(network));
            return DeliveryStatus.Unreachable;
        }

        return DeliveryStatus.Sent;
    }

    private async Task<(DeliveryStatus, IReadOnlyList<WireResult>, WireOutcome?)> SendAndAwaitAsync(
        string server, Envelope message, string messageHandler, CancellationToken cancellationToken)
    {
        (DeliveryStatus, IReadOnlyList<WireResult>, WireOutcome?) Unreachable(string reason)
        {
            Log.Unreachable(gateway.Logger, server, messageHandler, reason);
            return (DeliveryStatus.Unreachable, [], null);
        }

        if (network.Presence.IsSilent(server, out var silence))
        {
            return Unreachable(RemoteCall.Silent(silence));
        }

        var wait = network.Options.RemoteResultsTimeout;
        var call = await RemoteCall.CallAsync(
            network, network.Channels.Gateway(server), id => message with { Id = id, Deadline = Deadline(wait) }, wait, cancelOnGiveUp: false, cancellationToken)
            .ConfigureAwait(false);
        if (call.IsTimedOut)
        {
            // It dropped the message at its deadline, or never had it: either way it was not delivered.
            return Unreachable($"it did not confirm within RemoteResultsTimeout ({wait.TotalSeconds:0.###} s).");
        }

        if (call.Failure is { } reason)
        {
            return Unreachable(reason);
        }

        var outcome = call.Reply!.Outcome!;
        return outcome.Code switch
        {
            OutcomeCodes.Ok => (DeliveryStatus.Sent, call.Reply.Results ?? [], null),
            OutcomeCodes.BadPayload or OutcomeCodes.Invalid => (DeliveryStatus.Unreachable, [], outcome),
            _ => Unreachable($"it could not deliver: {outcome.Message}"),
        };
    }

    private GatewayUnreachableException Unreachable(string project, string messageHandler, string server, string reason)
    {
        Log.Unreachable(gateway.Logger, server, messageHandler, reason);
        return new GatewayUnreachableException(project, messageHandler, server, reason);
    }
}
