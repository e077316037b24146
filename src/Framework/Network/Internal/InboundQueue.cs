namespace Switchboard.Network;

/// <summary>
/// What a node receives, handled one message at a time by one worker (a node has one queue for presence and one for
/// everything else). The worker reads its channels' subscriptions itself (<see cref="INetworkSubscription"/>), in turn,
/// each in the order its messages arrived, so a message reaches it straight from the transport's ordered queue. It runs
/// on the thread that woke it (a thread-pool thread), while messages keep coming, and never on two threads at once, so
/// what it calls (<see cref="ReplyBatcher"/>) needs no lock.
/// <para>
/// A message that is too large, malformed, of an unknown version or past its deadline is dropped, counted and logged,
/// and so is one read while <see cref="GatewayNetworkOptions.InboundQueueCapacity"/> others wait behind it, in the
/// transport's queues of all the worker's channels together (<see cref="DropReason.Overloaded"/>): a node that falls
/// behind sheds its oldest messages until no more than the capacity wait. Handling never throws out of the worker,
/// so no message can stop the node.
/// </para>
/// </summary>
internal sealed class InboundQueue
{
    /// <summary>How many messages the worker handles at most before it publishes the confirmations it gathered.</summary>
    internal const int FlushEvery = 32;

    private const int Idle = 0;
    private const int Running = 1;
    private const int RunAgain = 2;

    private readonly GatewayNetwork network;
    private readonly Action? drained;
    private readonly Action wake;
    private readonly object gate = new();
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Source[] sources = [];
    private int state;
    private bool closing;

    // The worker's own: how many messages waited behind the last one read from each source, summed.
    private int waiting;

    /// <param name="network">The node.</param>
    /// <param name="drained">Called by the worker whenever it has handled everything that was waiting.</param>
    public InboundQueue(GatewayNetwork network, Action? drained)
    {
        this.network = network;
        this.drained = drained;
        wake = Wake;
    }

    /// <summary>Subscribes to a channel whose messages this worker reads and hands to <paramref name="route"/>.</summary>
    public async ValueTask SubscribeAsync(string channel, IInboundRoute route, CancellationToken cancellationToken)
    {
        var subscription = await network.Transport.OpenSubscriptionAsync(channel, wake, cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            sources = [.. sources, new Source(route, subscription)];
        }

        // Messages may have come before the source was listed, and their wake-up found nothing to read.
        WakeFromThreadPool();
    }

    /// <summary>Unsubscribes a channel; what already waits on it is still handled, then the worker forgets it.</summary>
    public async ValueTask UnsubscribeAsync(string channel)
    {
        // The sources of this channel now: one subscribed again while the transport unsubscribes (a gateway that
        // rejoins under the same name) is a new source and must stay.
        Source[] leaving;
        lock (gate)
        {
            leaving = Array.FindAll(sources, source => source.Route.Channel == channel);
        }

        try
        {
            await network.Transport.UnsubscribeAsync(channel).ConfigureAwait(false);
        }
        finally
        {
            foreach (var source in leaving)
            {
                source.Leaving = true;
            }

            WakeFromThreadPool();
        }
    }

    /// <summary>Handles what waits now, then stops for good.</summary>
    public Task CompleteAsync()
    {
        Volatile.Write(ref closing, true);
        WakeFromThreadPool();
        return stopped.Task;
    }

    /// <summary>Given to the transport: runs the worker on the calling thread, unless it runs already (then it reads once more).</summary>
    private void Wake()
    {
        while (true)
        {
            var current = Volatile.Read(ref state);
            if (current == RunAgain)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref state, current == Idle ? Running : RunAgain, current) == current)
            {
                if (current == Idle)
                {
                    Run();
                }

                return;
            }
        }
    }

    private void WakeFromThreadPool() => ThreadPool.UnsafeQueueUserWorkItem(static queue => queue.Wake(), this, preferLocal: false);

    private void Run()
    {
        // This thread reads the node's replies too: an Inline handler run here and blocking on one would stop the node.
        using var deferInline = InlineQueue.DeferOnThisThread();
        if (stopped.Task.IsCompleted)
        {
            // Closed: what still arrives stays with the transport, which closes next.
            Volatile.Write(ref state, Idle);
            return;
        }

        do
        {
            Volatile.Write(ref state, Running);
            if (ReadUntilEmpty() > 0)
            {
                Drained();
            }

            if (Volatile.Read(ref closing))
            {
                // Stopped for good while still Running: a later wake-up only marks RunAgain and returns, so no second
                // worker can start beside this flush or after the network has moved on to closing its transport.
                Drained();
                stopped.TrySetResult();
                return;
            }
        }
        while (Interlocked.CompareExchange(ref state, Idle, Running) != Running);
    }

    /// <summary>Takes one message from each source in turn until none has any; a source that left is forgotten once empty.</summary>
    /// <returns>How many messages it read.</returns>
    private int ReadUntilEmpty()
    {
        var handled = 0;
        var limit = int.MaxValue;
        bool readAny;
        do
        {
            if (limit == int.MaxValue && Volatile.Read(ref closing))
            {
                // Closing handles what waits now (a message at the head of each source and what waits behind them),
                // not traffic that keeps arriving, which would keep the network from ever closing.
                limit = handled + waiting + Volatile.Read(ref sources).Length;
            }

            if (handled >= limit)
            {
                break;
            }

            readAny = false;
            foreach (var source in Volatile.Read(ref sources))
            {
                if (TryRead(source, out var data))
                {
                    readAny = true;
                    Receive(source.Route, data);

                    // A queue that never runs dry (other traffic streaming in) must not hold confirmations back until
                    // the sender gives up: what is gathered goes out at least every FlushEvery messages.
                    if (++handled % FlushEvery == 0)
                    {
                        Drained();
                    }
                }
                else if (source.Leaving)
                {
                    Forget(source);
                }
            }
        }
        while (readAny);
        return handled;
    }

    private bool TryRead(Source source, out ReadOnlyMemory<byte> data)
    {
        bool read;
        int behind;
        try
        {
            read = source.Subscription.TryRead(out data, out behind);
        }
        catch (Exception exception)
        {
            Log.MessageHandlingFailed(network.Logger, exception, "(unread)", source.Route.Channel);
            data = default;
            read = false;
            behind = 0;
        }

        waiting += behind - source.Waiting;
        source.Waiting = behind;
        return read;
    }

    private void Forget(Source source)
    {
        waiting -= source.Waiting;
        lock (gate)
        {
            sources = Array.FindAll(sources, candidate => !ReferenceEquals(candidate, source));
        }
    }

    private void Receive(IInboundRoute route, ReadOnlyMemory<byte> data)
    {
        network.Statistics.CountReceived();
        var limit = network.Options.MaxMessageBytes;
        var capacity = network.Options.InboundQueueCapacity;
        if (data.Length > limit)
        {
            Drop(DropReason.Oversized, route, $"it is {data.Length} bytes, more than GatewayNetworkOptions.MaxMessageBytes ({limit})");
        }
        else if (waiting >= capacity)
        {
            Drop(DropReason.Overloaded, route, $"{waiting} more messages wait behind it (GatewayNetworkOptions.InboundQueueCapacity = {capacity})");
        }
        else
        {
            HandleGuarded(route, data);
        }
    }

    private void HandleGuarded(IInboundRoute route, ReadOnlyMemory<byte> data)
    {
        try
        {
            Handle(route, data);
        }
        catch (Exception exception)
        {
            // The last line of defence: one message must never stop the worker that reads all the others.
            Log.MessageHandlingFailed(network.Logger, exception, "(unread)", route.Channel);
        }
    }

    private void Drained()
    {
        try
        {
            drained?.Invoke();
        }
        catch (Exception exception)
        {
            Log.MessageHandlingFailed(network.Logger, exception, EnvelopeKinds.Replies, "(outgoing)");
        }
    }

    private void Handle(IInboundRoute route, ReadOnlyMemory<byte> data)
    {
        Envelope envelope;
        try
        {
            envelope = EnvelopeReader.Read(data);
        }
        catch (EnvelopeException invalid)
        {
            Drop(invalid.Reason, route, invalid.Message);
            return;
        }

        if (envelope is HandlerMessage { Deadline: { } deadline } message && DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() is var now && now > deadline)
        {
            Drop(DropReason.Expired, route, $"the \"{message.Kind}\" message {message.Id} arrived {now - deadline} ms after its deadline");
            return;
        }

        try
        {
            using var activity = NetworkTracing.StartReceive(envelope, route.Channel);
            route.Handle(envelope);
        }
        catch (EnvelopeException invalid)
        {
            Drop(invalid.Reason, route, invalid.Message);
        }
        catch (Exception exception)
        {
            Log.MessageHandlingFailed(network.Logger, exception, envelope.Kind, route.Channel);
        }
    }

    private void Drop(DropReason reason, IInboundRoute route, string detail)
    {
        // Logged before counted, so whoever sees the counter move can already read the line (when the rate limit let it
        // be written); counted even if a logging provider throws, as every drop is.
        try
        {
            network.Drops.Report(reason, route.Channel, detail);
        }
        finally
        {
            network.Statistics.CountDropped(reason);
        }
    }

    /// <summary>A channel the worker reads: its subscription, where its messages go, and the worker's notes on it.</summary>
    private sealed class Source(IInboundRoute route, INetworkSubscription subscription)
    {
        public IInboundRoute Route { get; } = route;

        public INetworkSubscription Subscription { get; } = subscription;

        /// <summary>Set by <see cref="UnsubscribeAsync"/>; read by the worker.</summary>
        public volatile bool Leaving;

        /// <summary>The worker's own: how many waited behind the last message it read here.</summary>
        public int Waiting;
    }
}

/// <summary>Where a channel's messages go once they are read and checked.</summary>
internal interface IInboundRoute
{
    string Channel { get; }

    /// <summary>Acts on a message; must not block. Throws <see cref="EnvelopeException"/> for a message that does not belong here.</summary>
    void Handle(Envelope envelope);
}
