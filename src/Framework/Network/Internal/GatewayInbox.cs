using System.Collections.Concurrent;

namespace Switchboard.Network;

/// <summary>
/// A joined gateway's channel: sends and requests from other gateways, and its remote clients' attach, heartbeat,
/// detach, sends and requests. Nothing here waits for a handler: requests and client sends run as their own tasks and
/// reply when done, so a slow handler never holds up other traffic.
/// </summary>
internal sealed class GatewayInbox(GatewayMembership membership) : IInboundRoute
{
    // Running requests by message id, so that a requester's cancel reaches the handler's token.
    private readonly ConcurrentDictionary<string, CancellationTokenSource> running = new(StringComparer.Ordinal);

    public string Channel => membership.Channel;

    private Gateway Gateway => membership.Gateway;

    private GatewayNetwork Network => membership.Network;

    public void Handle(Envelope envelope)
    {
        switch (envelope)
        {
            case SendEnvelope send:
                OnSend(send, TrustedReplyChannelIfAny(Network, send, send.ReplyTo, send.Sender.GatewayName));
                break;
            case RequestEnvelope request:
                _ = RunRequestAsync(request, request.Sender, link: null, TrustedReplyChannel(Network, request, request.ReplyTo, request.Sender.GatewayName));
                break;
            case RequestAllEnvelope requestAll:
                _ = RunRequestAllAsync(
                    requestAll, requestAll.Filters, requestAll.Sender, link: null, TrustedReplyChannel(Network, requestAll, requestAll.ReplyTo, requestAll.Sender.GatewayName));
                break;
            case ClientRequestAllEnvelope clientRequestAll:
                RemoteServerLimit.DropIfExceeded(Network, clientRequestAll);
                if (AcceptedClient(clientRequestAll) is { } asking)
                {
                    _ = RunRequestAllAsync(clientRequestAll, clientRequestAll.Filters, asking.SenderInfo, asking, Network.Channels.Node(asking.Node));
                }

                break;
            case CancelEnvelope cancel:
                if (running.TryGetValue(cancel.Id, out var cancellation))
                {
                    cancellation.Cancel();
                }

                break;
            case AttachEnvelope attach:
                OnAttach(attach);
                break;
            case HeartbeatEnvelope heartbeat:
                OnHeartbeat(heartbeat);
                break;
            case DetachEnvelope detach:
                // Trust: only the node that attached a client may detach it.
                if (detach.Node is { } node)
                {
                    membership.Detach(detach.SessionId, node);
                }

                break;
            case ClientSendEnvelope clientSend:
                OnClientSend(clientSend);
                break;
            case ClientRequestEnvelope clientRequest:
                OnClientRequest(clientRequest);
                break;
            case PingEnvelope:
                break;
            default:
                throw new EnvelopeException(DropReason.Malformed, $"a \"{envelope.Kind}\" message does not belong on a gateway's channel");
        }
    }

    /// <summary>
    /// Trust: where a message from gateway <paramref name="gatewayName"/> (a send or request, or a delivery to a remote
    /// client) may be answered. Only a node channel of this network, and, once presence has told which node runs the
    /// sending gateway, only that node's: a forged message cannot have its answer published to a channel of the
    /// forger's choosing. (With a <see cref="GatewayNetworkOptions.NetworkKey"/>, only processes holding the key can
    /// send at all.)
    /// </summary>
    /// <returns>The reply channel, or <see langword="null"/> when the message wants no answer.</returns>
    /// <exception cref="EnvelopeException">The reply channel is not that gateway's node.</exception>
    internal static string? TrustedReplyChannelIfAny(GatewayNetwork network, HandlerMessage envelope, string? replyTo, string gatewayName) =>
        replyTo is null ? null : TrustedReplyChannel(network, envelope, replyTo, gatewayName);

    /// <inheritdoc cref="TrustedReplyChannelIfAny"/>
    internal static string TrustedReplyChannel(GatewayNetwork network, HandlerMessage envelope, string replyTo, string gatewayName)
    {
        var expected = network.Presence.NodeOf(gatewayName) is { } node ? network.Channels.Node(node) : null;
        if (expected is null ? !network.Channels.IsNode(replyTo) : !string.Equals(replyTo, expected, StringComparison.Ordinal))
        {
            throw new EnvelopeException(
                DropReason.Unauthenticated,
                $"the \"{envelope.Kind}\" message {envelope.Id} claims to come from gateway \"{gatewayName}\" but asks for its answer on channel {replyTo}" +
                (expected is null ? ", which is not a node's channel" : $", not on {expected} where that gateway runs"));
        }

        return replyTo;
    }

    private void OnSend(SendEnvelope envelope, string? replyTo)
    {
        WireOutcome outcome;
        IReadOnlyList<WireResult>? results = null;
        try
        {
            var payload = new WirePayload(envelope.Payload, envelope.Project, envelope.Handler);
            var report = Gateway.Deliveries.SendLocal(
                MessageSend.Create(envelope.Sender, envelope.Project, envelope.Handler, payload, envelope.Filters, remoteServers: null));
            results = WireResults.From(report);
            outcome = ReplyOutcomes.Ok;
        }
        catch (Exception exception)
        {
            Log.NetworkDeliveryFailed(Network.Logger, Gateway.Name, envelope.Handler, envelope.Project, exception.Message);
            outcome = ReplyOutcomes.From(exception);
        }

        if (replyTo is not null)
        {
            // This runs on the inbound worker: confirmations go out together once the messages waiting behind it are handled.
            Network.Confirmations.Add(replyTo, new ReplyEnvelope { Id = envelope.Id, Outcome = outcome, Results = results });
        }
    }

    /// <summary>A request from another gateway, or from a remote client (<paramref name="link"/>, which may name one further server).</summary>
    private async Task RunRequestAsync(HandlerMessage envelope, SenderInfo sender, RemoteClientLink? link, string replyTo)
    {
        using var owed = Network.RepliesOwed.Begin();
        using var cancel = new CancellationTokenSource();
        if (!running.TryAdd(envelope.Id, cancel))
        {
            return;
        }

        ReplyEnvelope reply;
        try
        {
            var payload = new WirePayload(envelope.Payload, envelope.Project, envelope.Handler);
            var timeout = RemainingTime(envelope.Deadline);
            var value = link is null
                ? await Gateway.Deliveries.RequestLocalAsync(new MessageRequest(sender, envelope.Project, envelope.Handler, payload, RemoteServer: null), timeout, cancel.Token)
                    .ConfigureAwait(false)
                : await Gateway.Deliveries.RequestAsync(
                    link, envelope.Project, envelope.Handler, payload, envelope is ClientMessage { RemoteServers: [var server, ..] } ? server : null, timeout, cancel.Token)
                    .ConfigureAwait(false);
            var site = new ConversionSite(envelope.Project, envelope.Handler, value?.GetType() ?? typeof(object));
            reply = new ReplyEnvelope { Id = envelope.Id, Outcome = ReplyOutcomes.Ok, Payload = WireValue.EncodeUtf8(value, site) };
        }
        catch (Exception exception)
        {
            reply = new ReplyEnvelope { Id = envelope.Id, Outcome = ReplyOutcomes.From(exception) };
        }
        finally
        {
            running.TryRemove(envelope.Id, out _);
        }

        Network.Reply(replyTo, reply);
    }

    /// <summary>
    /// A request-all from another gateway (this gateway's own targets) or from a remote client (as the client, remote
    /// servers included): replies with every target's answer, a little before the asker's deadline
    /// (<see cref="RemoteRequestAll.AnsweringWait"/>), or with why it could not ask.
    /// </summary>
    private async Task RunRequestAllAsync(HandlerMessage envelope, FilterParams filters, SenderInfo sender, RemoteClientLink? link, string replyTo)
    {
        using var owed = Network.RepliesOwed.Begin();
        using var cancel = new CancellationTokenSource();
        if (!running.TryAdd(envelope.Id, cancel))
        {
            return;
        }

        // Off the inbound worker: selecting thousands of targets must not hold up other traffic.
        await Task.Yield();
        ReplyEnvelope reply;
        try
        {
            var payload = new WirePayload(envelope.Payload, envelope.Project, envelope.Handler);
            var remoteServers = envelope is ClientMessage fromClient ? fromClient.RemoteServers : null;
            var send = MessageSend.Create(sender, envelope.Project, envelope.Handler, payload, filters, remoteServers);
            var wait = RemoteRequestAll.AnsweringWait(RemainingTime(envelope.Deadline));
            var answers = await Gateway.Deliveries.RequestAllAsync(link, send, wait, cancel.Token).ConfigureAwait(false);
            reply = new ReplyEnvelope { Id = envelope.Id, Outcome = ReplyOutcomes.Ok, Answers = WireAnswers.From(answers, send.Project, send.Handler) };
        }
        catch (Exception exception)
        {
            reply = new ReplyEnvelope { Id = envelope.Id, Outcome = ReplyOutcomes.From(exception) };
        }
        finally
        {
            running.TryRemove(envelope.Id, out _);
        }

        Network.Reply(replyTo, reply);
    }

    private void OnAttach(AttachEnvelope envelope)
    {
        ReplyEnvelope reply;
        try
        {
            var link = membership.Ensure(envelope.Client, envelope.Node);
            reply = new ReplyEnvelope { Id = envelope.Id, Outcome = ReplyOutcomes.Ok, SessionId = link.SessionId };
        }
        catch (Exception exception)
        {
            reply = new ReplyEnvelope { Id = envelope.Id, Outcome = ReplyOutcomes.From(exception) };
        }

        // Trust: a client's answers go to the node it attaches from, never to a channel the message names.
        Network.Reply(Network.Channels.Node(envelope.Node), reply);
    }

    private void OnHeartbeat(HeartbeatEnvelope envelope)
    {
        try
        {
            // A gateway that restarted has forgotten the client: the heartbeat carries enough to attach it again.
            membership.Ensure(envelope.Client with { SessionId = envelope.SessionId }, envelope.Node);
        }
        catch (Exception exception) when (exception is ArgumentException or ObjectDisposedException)
        {
            Log.RemoteClientRefused(Network.Logger, envelope.SessionId, Gateway.Name, exception.Message);
        }
    }

    private void OnClientSend(ClientSendEnvelope envelope)
    {
        RemoteServerLimit.DropIfExceeded(Network, envelope);
        if (AcceptedClient(envelope) is { } link)
        {
            _ = RunClientSendAsync(envelope, link);
        }
    }

    /// <summary>
    /// Trust: a remote client's send or request acts as the client the gateway accepted (at attach, or at a heartbeat
    /// after the gateway restarted) from the same node, never as the identity the message claims; a message from a
    /// client that is not attached from that node is refused, and answered only on that node's channel.
    /// </summary>
    private RemoteClientLink? AcceptedClient(ClientMessage envelope)
    {
        if (membership.Find(envelope.SessionId, envelope.Node) is { } link)
        {
            return link;
        }

        var refusal = new GatewayUnreachableException(
            envelope.Project, envelope.Handler, Gateway.Name,
            $"remote client {envelope.SessionId} is not attached to gateway \"{Gateway.Name}\" from node {envelope.Node}; it attaches again with its next heartbeat.");
        Network.Reply(Network.Channels.Node(envelope.Node), new ReplyEnvelope { Id = envelope.Id, Outcome = ReplyOutcomes.From(refusal) });
        return null;
    }

    private async Task RunClientSendAsync(ClientSendEnvelope envelope, RemoteClientLink link)
    {
        using var owed = Network.RepliesOwed.Begin();
        // Off the inbound worker: sending to further servers publishes and may wait for their results.
        await Task.Yield();
        ReplyEnvelope reply;
        try
        {
            var payload = new WirePayload(envelope.Payload, envelope.Project, envelope.Handler);
            var send = MessageSend.Create(link.SenderInfo, envelope.Project, envelope.Handler, payload, envelope.Filters, envelope.RemoteServers);
            var report = envelope.AwaitResults
                ? await link.SendAsync(send, CancellationToken.None).ConfigureAwait(false)
                : link.Send(send);
            reply = new ReplyEnvelope { Id = envelope.Id, Outcome = ReplyOutcomes.Ok, Results = WireResults.From(report) };
        }
        catch (Exception exception)
        {
            reply = new ReplyEnvelope { Id = envelope.Id, Outcome = ReplyOutcomes.From(exception) };
        }

        Network.Reply(Network.Channels.Node(link.Node), reply);
    }

    private void OnClientRequest(ClientRequestEnvelope envelope)
    {
        RemoteServerLimit.DropIfExceeded(Network, envelope);
        if (AcceptedClient(envelope) is { } link)
        {
            _ = RunRequestAsync(envelope, link.SenderInfo, link, Network.Channels.Node(link.Node));
        }
    }

    // The sender's deadline bounds the handler too; without one, the gateway's own request timeout does. A timer
    // takes at most int.MaxValue ms (about 24 days), so a later deadline waits that long.
    private TimeSpan RemainingTime(long? deadline) => deadline is { } at
        ? TimeSpan.FromMilliseconds(Math.Clamp(at - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 1, int.MaxValue))
        : Gateway.Options.RequestTimeout;
}

/// <summary>Delivery results as they cross the network: project, handler and filters are the send's own, so they are left out.</summary>
internal static class WireResults
{
    public static IReadOnlyList<WireResult> From(DeliveryReport report)
    {
        var results = new WireResult[report.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var result = report[i];
            results[i] = new WireResult(result.Type, result.SessionId, result.ClientAddress, result.ClientHostName, result.ServerName, result.Status);
        }

        return results;
    }

    public static DeliveryResult ToResult(WireResult result, in MessageSend send, string? serverName) =>
        send.Result(result.Type, result.Status, result.SessionId, result.ClientAddress, result.ClientHostName, result.ServerName ?? serverName);
}
