namespace Switchboard.Network;

/// <summary>
/// One message that wants a reply: registered before it is published, so no reply arrives unseen; then published and
/// awaited. It ends with the reply, or says why there is none: nobody listens, the network is down, the connection was
/// lost meanwhile, presence says the gateway is gone, or the wait timed out.
/// </summary>
internal static class RemoteCall
{
    /// <summary>A call to a gateway: presence ends the wait early when that gateway is gone.</summary>
    public static Task<RemoteCallResult> CallAsync(
        GatewayNetwork network, string gateway, Func<string, Envelope> message, TimeSpan wait, bool cancelOnGiveUp, CancellationToken cancellationToken) =>
        CallChannelAsync(network, network.Channels.Gateway(gateway), gateway, message, wait, cancelOnGiveUp, cancellationToken);

    /// <summary>
    /// A call to a node's own channel (the process of a remote client): it names no gateway, so only the timeout or a
    /// reply ends it.
    /// </summary>
    public static Task<RemoteCallResult> CallNodeAsync(
        GatewayNetwork network, string nodeChannel, Func<string, Envelope> message, TimeSpan wait, bool cancelOnGiveUp, CancellationToken cancellationToken) =>
        CallChannelAsync(network, nodeChannel, gateway: null, message, wait, cancelOnGiveUp, cancellationToken);

    private static Task<RemoteCallResult> CallChannelAsync(
        GatewayNetwork network, string channel, string? gateway, Func<string, Envelope> message, TimeSpan wait, bool cancelOnGiveUp, CancellationToken cancellationToken)
    {
        var pending = network.Replies.Register(wait, gateway, cancellationToken);
        byte[] bytes;
        try
        {
            bytes = network.Encode(message(pending.Id));
        }
        catch (Exception exception)
        {
            network.Replies.Forget(pending);
            return Task.FromException<RemoteCallResult>(exception);
        }

        return CallAsync(network, channel, pending, bytes, cancelOnGiveUp, cancellationToken);
    }

    /// <summary>
    /// Publishes a message that is already registered (<paramref name="pending"/>) and encoded to
    /// <paramref name="channel"/>, and awaits its reply.
    /// </summary>
    public static async Task<RemoteCallResult> CallAsync(
        GatewayNetwork network, string channel, PendingReply pending, byte[] bytes, bool cancelOnGiveUp, CancellationToken cancellationToken)
    {
        try
        {
            long listeners;
            try
            {
                listeners = await network.Transport.PublishAsync(channel, bytes, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return RemoteCallResult.Failed(NetworkDown(exception));
            }

            if (listeners == 0)
            {
                return RemoteCallResult.Failed(NobodyListens(network));
            }

            ReplyEnvelope? reply;
            try
            {
                // The shared deadline sweep ends the wait with null; cancellation ends it as cancelled.
                reply = await pending.Task.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await CancelAsync(network, channel, pending.Id, cancelOnGiveUp).ConfigureAwait(false);
                throw;
            }
            catch (NetworkConnectionLostException lost)
            {
                return RemoteCallResult.Failed(ConnectionLost(lost));
            }
            catch (GatewayGoneException gone)
            {
                return RemoteCallResult.Failed(gone.Message);
            }

            if (reply is null)
            {
                await CancelAsync(network, channel, pending.Id, cancelOnGiveUp).ConfigureAwait(false);
                return RemoteCallResult.TimedOut;
            }

            return RemoteCallResult.Answered(reply);
        }
        finally
        {
            network.Replies.Forget(pending);
        }
    }

    /// <summary>The synchronous form, for <see cref="IMessageSender.SendMessage"/> from a remote client.</summary>
    public static RemoteCallResult Call(GatewayNetwork network, string gateway, Func<string, Envelope> message, TimeSpan wait)
    {
        var channel = network.Channels.Gateway(gateway);
        var pending = network.Replies.Register(wait, gateway);
        try
        {
            var bytes = network.Encode(message(pending.Id));
            long listeners;
            try
            {
                listeners = network.Transport.Publish(channel, bytes);
            }
            catch (Exception exception)
            {
                return RemoteCallResult.Failed(NetworkDown(exception));
            }

            if (listeners == 0)
            {
                return RemoteCallResult.Failed(NobodyListens(network));
            }

            try
            {
                // The reply is completed by the node's inbound worker, never by this thread, so blocking here cannot deadlock.
                return pending.Task.Wait(wait) && pending.Task.Result is { } reply ? RemoteCallResult.Answered(reply) : RemoteCallResult.TimedOut;
            }
            catch (AggregateException failed) when (failed.InnerException is NetworkConnectionLostException lost)
            {
                return RemoteCallResult.Failed(ConnectionLost(lost));
            }
            catch (AggregateException failed) when (failed.InnerException is GatewayGoneException gone)
            {
                return RemoteCallResult.Failed(gone.Message);
            }
        }
        finally
        {
            network.Replies.Forget(pending);
        }
    }

    public static string NobodyListens(GatewayNetwork network) =>
        $"no gateway of that name is on network \"{network.NetworkName}\" (it is not running, or the name or NetworkName differs).";

    public static string Silent(TimeSpan silence) => $"it has sent no heartbeat for {silence.TotalSeconds:0.#} s.";

    private static string NetworkDown(Exception exception) => $"the network connection is down ({exception.Message}).";

    private static string ConnectionLost(NetworkConnectionLostException lost) =>
        $"the connection to the network was lost while waiting for the answer ({lost.Message}); the message may or may not have been acted on.";

    private static async Task CancelAsync(GatewayNetwork network, string channel, string id, bool cancelOnGiveUp)
    {
        if (!cancelOnGiveUp)
        {
            return;
        }

        try
        {
            await network.Transport.PublishAsync(channel, EnvelopeWriter.Write(new CancelEnvelope { Id = id })).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Best effort: a handler that is not told still stops at the request's deadline.
        }
    }
}

/// <summary>How a <see cref="RemoteCall"/> ended: with a reply, or with the reason there is none.</summary>
internal readonly record struct RemoteCallResult(ReplyEnvelope? Reply, bool IsTimedOut, string? Failure)
{
    public static RemoteCallResult TimedOut => new(null, true, null);

    public static RemoteCallResult Answered(ReplyEnvelope reply) => new(reply, false, null);

    public static RemoteCallResult Failed(string reason) => new(null, false, reason);
}
