using System.Threading.Channels;

namespace Switchboard.Network;

/// <summary>
/// What a node receives waits here and is handled one message at a time by one worker, in the order it arrived (a
/// node has one queue for presence and one for everything else). A message that is too large, malformed, of an unknown version or past its deadline is dropped,
/// counted and logged; handling never throws out of the worker, so no message can stop the node.
/// </summary>
internal sealed class InboundQueue
{
    /// <summary>How many messages the worker handles at most before it publishes the confirmations it gathered.</summary>
    internal const int FlushEvery = 32;

    private readonly GatewayNetwork network;
    private readonly Channel<(IInboundRoute Route, ReadOnlyMemory<byte> Data)> queue;
    private readonly Action? drained;
    private readonly Task worker;

    /// <param name="network">The node.</param>
    /// <param name="drained">Called by the worker whenever it has handled everything that was waiting.</param>
    public InboundQueue(GatewayNetwork network, Action? drained)
    {
        this.network = network;
        this.drained = drained;
        queue = Channel.CreateBounded<(IInboundRoute, ReadOnlyMemory<byte>)>(new BoundedChannelOptions(network.Options.InboundQueueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        worker = Task.Run(ProcessAsync);
    }

    /// <summary>Called by the transport; must return quickly.</summary>
    public void Receive(IInboundRoute route, ReadOnlyMemory<byte> data)
    {
        network.Statistics.CountReceived();
        var limit = network.Options.MaxMessageBytes;
        if (data.Length > limit)
        {
            Drop(DropReason.Oversized, route, $"it is {data.Length} bytes, more than GatewayNetworkOptions.MaxMessageBytes ({limit})");
            return;
        }

        if (!queue.Writer.TryWrite((route, data)))
        {
            Drop(DropReason.Overloaded, route, $"the inbound queue is full (GatewayNetworkOptions.InboundQueueCapacity = {network.Options.InboundQueueCapacity})");
        }
    }

    public Task CompleteAsync()
    {
        queue.Writer.TryComplete();
        return worker;
    }

    private async Task ProcessAsync()
    {
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var handled = 0;
            while (reader.TryRead(out var item))
            {
                HandleGuarded(item.Route, item.Data);

                // A queue that never runs dry (other traffic streaming in) must not hold confirmations back until
                // the sender gives up: what is gathered goes out at least every FlushEvery messages.
                if (++handled % FlushEvery == 0)
                {
                    Drained();
                }
            }

            Drained();
        }

        Drained();
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
        network.Statistics.CountDropped(reason);
        network.Drops.Report(reason, route.Channel, detail);
    }
}

/// <summary>Where a channel's messages go once they are read and checked.</summary>
internal interface IInboundRoute
{
    string Channel { get; }

    /// <summary>Acts on a message; must not block. Throws <see cref="EnvelopeException"/> for a message that does not belong here.</summary>
    void Handle(Envelope envelope);
}
