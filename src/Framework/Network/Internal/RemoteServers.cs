namespace Switchboard.Network;

/// <summary>
/// A joined gateway's sends to <c>remoteServers</c> and its remote requests. A server is <c>UNREACHABLE</c> when it has
/// fallen silent, when nobody listens on its channel, when the network is down, or (for an awaited send) when it does
/// not confirm in time; it is <c>SENT</c> only when a gateway of that name received the message.
/// </summary>
internal sealed class RemoteServers
{
    private readonly GatewayNetwork network;
    private readonly Gateway gateway;

    // The publishes a SendMessage handed to the transport without waiting, observed in the order they were made.
    private readonly PostedPublishes posts;

    public RemoteServers(GatewayNetwork network, Gateway gateway)
    {
        this.network = network;
        this.gateway = gateway;
        posts = new PostedPublishes(Observed, network.Options.TimeProvider);
    }

    public DeliveryReport Send(in MessageSend send)
    {
        var servers = send.RemoteServers!;
        var messages = EncodeSends(send);
        var results = new DeliveryResult[servers.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = send.RemoteResult(servers[i], PublishTo(servers[i], messages[i], send.Handler));
        }

        return new DeliveryReport(results);
    }

    public Task<DeliveryReport> SendAsync(MessageSend send, CancellationToken cancellationToken) =>
        network.Options.ConfirmRemoteSends ? SendConfirmedAsync(send, cancellationToken) : SendPublishedAsync(send, cancellationToken);

    /// <summary>
    /// <see cref="GatewayNetworkOptions.ConfirmRemoteSends"/> off: each server is <c>SENT</c> once a gateway of that
    /// name has received the message, as <see cref="Send"/> reports, without waiting for its own results.
    /// </summary>
    private async Task<DeliveryReport> SendPublishedAsync(MessageSend send, CancellationToken cancellationToken)
    {
        var servers = send.RemoteServers!;
        var messages = EncodeSends(send);
        var results = new DeliveryResult[servers.Count];
        if (results.Length == 1)
        {
            var status = await PublishToAsync(servers[0], messages[0], send.Handler, cancellationToken).ConfigureAwait(false);
            results[0] = send.RemoteResult(servers[0], status);
            return new DeliveryReport(results);
        }

        var publishes = new Task<DeliveryStatus>[servers.Count];
        for (var i = 0; i < publishes.Length; i++)
        {
            publishes[i] = PublishToAsync(servers[i], messages[i], send.Handler, cancellationToken);
        }

        for (var i = 0; i < publishes.Length; i++)
        {
            results[i] = send.RemoteResult(servers[i], await publishes[i].ConfigureAwait(false));
        }

        return new DeliveryReport(results);
    }

    /// <summary>An awaited send that waits for each server to confirm and report its own results.</summary>
    private async Task<DeliveryReport> SendConfirmedAsync(MessageSend send, CancellationToken cancellationToken)
    {
        var (servers, messageHandler) = (send.RemoteServers!, send.Handler);
        var calls = PrepareConfirmedSends(send, cancellationToken);
        var outcomes = new (DeliveryStatus Status, IReadOnlyList<WireResult> Results, WireOutcome? Refusal)[servers.Count];
        if (outcomes.Length == 1)
        {
            outcomes[0] = await SendAndAwaitAsync(servers[0], calls[0], messageHandler, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var sends = new Task<(DeliveryStatus, IReadOnlyList<WireResult>, WireOutcome?)>[servers.Count];
            for (var i = 0; i < sends.Length; i++)
            {
                sends[i] = SendAndAwaitAsync(servers[i], calls[i], messageHandler, cancellationToken);
            }

            await Task.WhenAll(sends).ConfigureAwait(false);
            for (var i = 0; i < sends.Length; i++)
            {
                outcomes[i] = await sends[i].ConfigureAwait(false);
            }
        }

        var count = 0;
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i].Refusal is { } refusal)
            {
                // The remote gateway refused the payload before queuing anything, as a local send would have thrown.
                throw ReplyOutcomes.ToException(refusal, send.Project, messageHandler, servers[i], gateway.Options.RequestTimeout);
            }

            count += 1 + outcomes[i].Results.Count;
        }

        // Each server's own line, then what it delivered (those carry its name in ServerName).
        var report = new DeliveryResult[count];
        var next = 0;
        for (var i = 0; i < outcomes.Length; i++)
        {
            report[next++] = send.RemoteResult(servers[i], outcomes[i].Status);
            foreach (var result in outcomes[i].Results)
            {
                report[next++] = WireResults.ToResult(result, send, servers[i]);
            }
        }

        return new DeliveryReport(report);
    }

    public async Task<object?> RequestAsync(MessageRequest request, TimeSpan timeout, Type? responseType, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (sender, project, messageHandler, payload, remote) = request;
        var server = remote!;
        if (network.Presence.IsSilent(server, out var silence))
        {
            throw Unreachable(project, messageHandler, server, RemoteCall.Silent(silence));
        }

        var encoded = EncodePayload(payload, project, messageHandler);
        var call = await RemoteCall.CallAsync(
            network,
            server,
            id => new RequestEnvelope
            {
                Id = id,
                Project = project,
                Handler = messageHandler,
                Sender = sender,
                Payload = encoded,
                ReplyTo = network.NodeChannel,
                Deadline = Deadline(timeout),
            },
            timeout,
            cancelOnGiveUp: true,
            cancellationToken).ConfigureAwait(false);
        return ResponseOf(call, project, messageHandler, server, timeout, responseType, gateway);
    }

    /// <summary>
    /// A request-all to <c>send.RemoteServers</c>: a slot per server, each filled by that server's reply with the
    /// answers of its own targets, or <c>UNREACHABLE</c> when it has fallen silent or nobody listens.
    /// </summary>
    /// <exception cref="PayloadConversionException">The payload cannot be encoded (before any slot is expected).</exception>
    public void RequestAll(IRequestAllTargets targets, MessageSend send, TimeSpan wait, CancellationToken cancellationToken)
    {
        var payload = EncodePayload(send.Payload, send.Project, send.Handler);
        foreach (var server in send.RemoteServers!)
        {
            var slot = targets.Expect(send.RemoteResult(server, DeliveryStatus.Sent));
            if (network.Presence.IsSilent(server, out var silence))
            {
                Log.Unreachable(gateway.Logger, server, send.Handler, RemoteCall.Silent(silence));
                targets.Settle(slot, DeliveryStatus.Unreachable);
                continue;
            }

            _ = RemoteRequestAll.AskAsync(
                network,
                targets,
                slot,
                server,
                id => new RequestAllEnvelope
                {
                    Id = id,
                    Project = send.Project,
                    Handler = send.Handler,
                    Filters = send.Filters,
                    Sender = send.Sender,
                    Payload = payload,
                    ReplyTo = network.NodeChannel,
                    Deadline = Deadline(wait),
                },
                send,
                server,
                wait,
                gateway,
                cancellationToken);
        }
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
        return answer.Outcome.Code == OutcomeCodes.Ok
            ? WireValue.Decode(answer.Payload, responseType, new ConversionSite(project, messageHandler, responseType ?? typeof(object)))
            : throw ReplyOutcomes.ToException(answer.Outcome, project, messageHandler, server, timeout);
    }

    // No deadline for an infinite or practically endless wait (more than int.MaxValue ms, about 24 days).
    internal static long? Deadline(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan || timeout.TotalMilliseconds > int.MaxValue
            ? null
            : DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + (long)Math.Ceiling(timeout.TotalMilliseconds);

    /// <summary>
    /// A send's envelope for each server, encoded once each (they differ only in their ids), all before anything is
    /// published: a message too large for the network fails the sender before any server gets it.
    /// </summary>
    /// <exception cref="PayloadConversionException">The payload cannot be encoded, or the message is too large.</exception>
    private byte[][] EncodeSends(in MessageSend send)
    {
        var payload = EncodePayload(send.Payload, send.Project, send.Handler);
        var messages = new byte[send.RemoteServers!.Count][];
        for (var i = 0; i < messages.Length; i++)
        {
            messages[i] = network.Encode(SendEnvelope(send, MessageIds.New(), payload));
        }

        return messages;
    }

    /// <summary>
    /// Registers and encodes an awaited send for each server that presence does not already know to be gone
    /// (those get no call), all before anything is published, as <see cref="EncodeSends"/> does.
    /// </summary>
    private PreparedCall[] PrepareConfirmedSends(in MessageSend send, CancellationToken cancellationToken)
    {
        var servers = send.RemoteServers!;
        var payload = EncodePayload(send.Payload, send.Project, send.Handler);
        var wait = network.Options.RemoteResultsTimeout;
        var deadline = Deadline(wait);
        var calls = new PreparedCall[servers.Count];
        try
        {
            for (var i = 0; i < calls.Length; i++)
            {
                if (network.Presence.IsSilent(servers[i], out var silence))
                {
                    calls[i] = new PreparedCall(null, null, RemoteCall.Silent(silence));
                    continue;
                }

                var pending = network.Replies.Register(wait, servers[i], cancellationToken);
                calls[i] = new PreparedCall(pending, null, null); // Kept before encoding, so that a failure forgets it too.
                calls[i] = calls[i] with
                {
                    Bytes = network.Encode(SendEnvelope(send, pending.Id, payload, replyTo: network.NodeChannel, deadline)),
                };
            }
        }
        catch
        {
            foreach (var call in calls)
            {
                if (call.Pending is { } registered)
                {
                    network.Replies.Forget(registered);
                }
            }

            throw;
        }

        return calls;
    }

    // A send as it crosses the network: its sender, names and filters, and its payload encoded once for every server.
    // An awaited send names where to reply and by when.
    private static SendEnvelope SendEnvelope(
        in MessageSend send, string id, ReadOnlyMemory<byte> payload, string? replyTo = null, long? deadline = null) => new()
    {
        Id = id,
        Project = send.Project,
        Handler = send.Handler,
        Filters = send.Filters,
        Sender = send.Sender,
        Payload = payload,
        ReplyTo = replyTo,
        Deadline = deadline,
    };

    /// <summary>A payload ready for an envelope (empty when there is none): as it arrived when it came from the network, else encoded here.</summary>
    internal static ReadOnlyMemory<byte> EncodePayload(object? payload, string project, string messageHandler) => payload is WirePayload fromNetwork
        ? fromNetwork.Utf8 // Passed on as it arrived (a remote client's send to further servers), not decoded and encoded again.
        : WireValue.EncodeUtf8(payload, new ConversionSite(project, messageHandler, payload?.GetType() ?? typeof(object)));

    // SendMessage: to a gateway that presence hears and that listened last time, the message is handed to the transport
    // and the call returns (SENT: it went to the gateway network, as Ignition says), so a loop of sends pipelines; what
    // the publish finds out later (nobody listens, the connection is down) is logged, and makes the next send to that
    // gateway count its listeners again. Any other gateway is published to and its listeners counted before returning.
    private DeliveryStatus PublishTo(string server, byte[] message, string messageHandler)
    {
        if (network.Presence.IsSilent(server, out var silence))
        {
            network.UnreachableWarnings.Report(gateway.Logger, server, messageHandler, RemoteCall.Silent(silence));
            return DeliveryStatus.Unreachable;
        }

        if (network.Presence.IsListening(server))
        {
            return Post(server, message, messageHandler);
        }

        long listeners;
        try
        {
            listeners = network.Transport.Publish(network.Channels.Gateway(server), message);
        }
        catch (Exception exception)
        {
            return Down(server, messageHandler, exception);
        }

        return Listened(server, messageHandler, listeners);
    }

    private DeliveryStatus Post(string server, byte[] message, string messageHandler)
    {
        ValueTask<long> publish;
        try
        {
            publish = network.Transport.PublishAsync(network.Channels.Gateway(server), message);
        }
        catch (Exception exception)
        {
            return Down(server, messageHandler, exception);
        }

        if (publish.IsCompleted)
        {
            try
            {
                return Listened(server, messageHandler, publish.Result);
            }
            catch (Exception exception)
            {
                return Down(server, messageHandler, exception);
            }
        }

        posts.Observe(new PostedPublish(publish.AsTask(), server, messageHandler));
        return DeliveryStatus.Sent;
    }

    /// <summary>What a publish that <see cref="Post"/> did not wait for found: listeners, nobody, or a failure.</summary>
    private void Observed(in PostedPublish post)
    {
        try
        {
            Listened(post.Server, post.MessageHandler, post.Publish.GetAwaiter().GetResult());
        }
        catch (Exception exception)
        {
            Down(post.Server, post.MessageHandler, exception);
        }
    }

    private DeliveryStatus Down(string server, string messageHandler, Exception exception)
    {
        network.Presence.NobodyListened(server);
        network.UnreachableWarnings.Report(gateway.Logger, server, messageHandler, $"the network connection is down ({exception.Message}).");
        return DeliveryStatus.Unreachable;
    }

    private async Task<DeliveryStatus> PublishToAsync(string server, byte[] message, string messageHandler, CancellationToken cancellationToken)
    {
        if (network.Presence.IsSilent(server, out var silence))
        {
            network.UnreachableWarnings.Report(gateway.Logger, server, messageHandler, RemoteCall.Silent(silence));
            return DeliveryStatus.Unreachable;
        }

        long listeners;
        try
        {
            listeners = await network.Transport.PublishAsync(network.Channels.Gateway(server), message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Down(server, messageHandler, exception);
        }

        return Listened(server, messageHandler, listeners);
    }

    private DeliveryStatus Listened(string server, string messageHandler, long listeners)
    {
        if (listeners == 0)
        {
            network.Presence.NobodyListened(server);
            network.UnreachableWarnings.Report(gateway.Logger, server, messageHandler, RemoteCall.NobodyListens(network));
            return DeliveryStatus.Unreachable;
        }

        return DeliveryStatus.Sent;
    }

    private async Task<(DeliveryStatus, IReadOnlyList<WireResult>, WireOutcome?)> SendAndAwaitAsync(
        string server, PreparedCall prepared, string messageHandler, CancellationToken cancellationToken)
    {
        (DeliveryStatus, IReadOnlyList<WireResult>, WireOutcome?) Unreachable(string reason)
        {
            network.UnreachableWarnings.Report(gateway.Logger, server, messageHandler, reason);
            return (DeliveryStatus.Unreachable, [], null);
        }

        if (prepared.Pending is not { } pending)
        {
            return Unreachable(prepared.Silence!);
        }

        var wait = network.Options.RemoteResultsTimeout;
        var call = await RemoteCall.CallAsync(network, network.Channels.Gateway(pending.Gateway!), pending, prepared.Bytes!, cancelOnGiveUp: false, cancellationToken)
            .ConfigureAwait(false);
        if (call.IsTimedOut)
        {
            // It dropped the message at its deadline, or never had it: either way it was not delivered.
            return Unreachable($"it did not confirm within RemoteResultsTimeout ({wait.TotalSeconds:0.###} s).");
        }

        if (call.Failure is { } reason)
        {
            // Nobody listened (or the network failed): the next pipelined SendMessage to it counts listeners again.
            network.Presence.NobodyListened(server);
            return Unreachable(reason);
        }

        var outcome = call.Reply!.Outcome;
        return outcome.Code switch
        {
            OutcomeCodes.Ok => (DeliveryStatus.Sent, call.Reply.Results ?? [], null),
            OutcomeCodes.BadPayload or OutcomeCodes.Invalid => (DeliveryStatus.Unreachable, [], outcome),
            _ => Unreachable($"it could not deliver: {outcome.Message}"),
        };
    }

    /// <summary>An awaited send to one server, registered and encoded; or, for a server known to be gone, why.</summary>
    private readonly record struct PreparedCall(PendingReply? Pending, byte[]? Bytes, string? Silence);

    private GatewayUnreachableException Unreachable(string project, string messageHandler, string server, string reason)
    {
        network.UnreachableWarnings.Report(gateway.Logger, server, messageHandler, reason);
        return new GatewayUnreachableException(project, messageHandler, server, reason);
    }
}
