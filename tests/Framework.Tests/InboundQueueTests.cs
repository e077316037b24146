using System.Collections.Concurrent;
using Switchboard.Network;
using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>
/// A node's inbound worker reads its channels' subscriptions itself. It publishes the confirmations it gathered when
/// it runs dry, and also while it does not (otherwise a steady stream of other traffic would hold an awaited send's
/// confirmation back until the sender gave up); it counts what waits in the transport against
/// <see cref="GatewayNetworkOptions.InboundQueueCapacity"/>; and it handles all its channels on one thread at a time,
/// each in order. Each rule is checked on a transport the worker reads directly (the in-memory one) and on one that
/// only hands messages over (<see cref="INetworkTransport.SubscribeAsync"/>, through the default
/// <see cref="INetworkTransport.OpenSubscriptionAsync"/>).
/// </summary>
public sealed class InboundQueueTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AQueueThatNeverRunsDryStillFlushesEveryFlushEveryMessages(bool handedOver)
    {
        const int Messages = 100;
        await using var setup = await Setup.CreateAsync(handedOver);
        var flushes = 0;
        var route = new BlockingRoute("test:inbound");
        var queue = new InboundQueue(setup.Network, drained: () => Interlocked.Increment(ref flushes));
        await queue.SubscribeAsync(route.Channel, route, CancellationToken.None);

        // The first message holds the worker until every other message waits behind it, so the queue stays full
        // from then on and never runs dry before the last one.
        setup.Publish(route.Channel, "first");
        await route.Entered.Task.WaitAsync(Wait.Bound);
        for (var i = 1; i < Messages; i++)
        {
            setup.Publish(route.Channel, $"m{i}");
        }

        await setup.UntilHandedOverAsync(Messages);
        var before = Volatile.Read(ref flushes);
        route.Release.Set();
        await Wait.UntilAsync(() => route.Handled == Messages, "every message was handled");
        await queue.CompleteAsync().WaitAsync(Wait.Bound);

        Assert.Equal(0, before);

        // At 32, 64 and 96 handled, then once dry, then once more as the worker ends.
        Assert.True(Volatile.Read(ref flushes) >= (Messages / InboundQueue.FlushEvery) + 1, $"flushed {flushes} times for {Messages} messages");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MessagesWaitingBeyondTheCapacityAreDroppedOldestFirstAndCountedAsOverloaded(bool handedOver)
    {
        const int Capacity = 10;
        const int Behind = 100;
        await using var setup = await Setup.CreateAsync(handedOver, new GatewayNetworkOptions { InboundQueueCapacity = Capacity });
        var route = new BlockingRoute("test:flooded");
        var queue = new InboundQueue(setup.Network, drained: null);
        await queue.SubscribeAsync(route.Channel, route, CancellationToken.None);

        setup.Publish(route.Channel, "first");
        await route.Entered.Task.WaitAsync(Wait.Bound);
        for (var i = 1; i <= Behind; i++)
        {
            setup.Publish(route.Channel, $"m{i}");
        }

        await setup.UntilHandedOverAsync(Behind + 1);
        route.Release.Set();
        await Wait.UntilAsync(() => setup.Network.Statistics.Received == Behind + 1, "every message was read");
        await queue.CompleteAsync().WaitAsync(Wait.Bound);

        // The worker was busy with the first while 100 waited: it sheds the oldest until no more than 10 wait, and
        // handles those 10 in their order.
        Assert.Equal(Behind - Capacity, setup.Network.Statistics.DroppedFor(DropReason.Overloaded));
        Assert.Equal(["first", .. Enumerable.Range(Behind - Capacity + 1, Capacity).Select(i => $"m{i}")], route.Ids);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OneWorkerHandlesSeveralChannelsOneMessageAtATimeEachInOrder(bool handedOver)
    {
        const int PerChannel = 300;
        await using var setup = await Setup.CreateAsync(handedOver);
        var inside = 0;
        var overlaps = 0;
        var routes = new[] { new RecordingRoute("test:a"), new RecordingRoute("test:b"), new RecordingRoute("test:c") };
        var queue = new InboundQueue(setup.Network, drained: null);
        foreach (var route in routes)
        {
            route.Entering = () =>
            {
                if (Interlocked.Increment(ref inside) != 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                Thread.SpinWait(200);
                Interlocked.Decrement(ref inside);
            };
            await queue.SubscribeAsync(route.Channel, route, CancellationToken.None);
        }

        // Three publishers at once, one per channel, so the channels' messages arrive interleaved.
        await Task.WhenAll(routes.Select(route => Task.Run(() =>
        {
            for (var i = 0; i < PerChannel; i++)
            {
                setup.Publish(route.Channel, $"{i}");
            }
        })));

        await Wait.UntilAsync(() => routes.All(route => route.Ids.Count == PerChannel), "every channel's messages were handled");
        await queue.CompleteAsync().WaitAsync(Wait.Bound);

        Assert.Equal(0, Volatile.Read(ref overlaps));
        Assert.All(routes, route => Assert.Equal(Enumerable.Range(0, PerChannel).Select(i => $"{i}"), route.Ids));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AChannelLeftStillHasWhatWaitedOnItHandledThenNothingMore(bool handedOver)
    {
        await using var setup = await Setup.CreateAsync(handedOver);
        var route = new BlockingRoute("test:leaving");
        var queue = new InboundQueue(setup.Network, drained: null);
        await queue.SubscribeAsync(route.Channel, route, CancellationToken.None);

        setup.Publish(route.Channel, "first");
        await route.Entered.Task.WaitAsync(Wait.Bound);
        setup.Publish(route.Channel, "second");
        await setup.UntilHandedOverAsync(2);
        await queue.UnsubscribeAsync(route.Channel);
        Assert.Equal(0, setup.Publish(route.Channel, "after leaving"));
        route.Release.Set();
        await Wait.UntilAsync(() => route.Handled == 2, "what waited was handled");
        await queue.CompleteAsync().WaitAsync(Wait.Bound);

        Assert.Equal(["first", "second"], route.Ids);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ClosingHandlesWhatWaitsAndStopsAlthoughTrafficKeepsArriving(bool handedOver)
    {
        await using var setup = await Setup.CreateAsync(handedOver);
        var route = new RecordingRoute("test:endless");
        var queue = new InboundQueue(setup.Network, drained: null);

        // Every message handled brings another, so the channel never runs dry.
        route.Entering = () => setup.Publish(route.Channel, "more");
        await queue.SubscribeAsync(route.Channel, route, CancellationToken.None);
        setup.Publish(route.Channel, "first");
        await Wait.UntilAsync(() => route.Ids.Count >= 10, "the stream flows");

        await queue.CompleteAsync().WaitAsync(Wait.Bound);
        var handledAtClose = route.Ids.Count;
        route.Entering = null;
        setup.Publish(route.Channel, "after closing");
        await Task.Delay(100);

        Assert.Equal(handledAtClose, route.Ids.Count);
    }

    [Fact]
    public async Task AChannelSubscribedAgainWhileTheOldSubscriptionLeavesKeepsItsMessages()
    {
        var hub = new InMemoryNetwork();
        var slowLeave = new SlowUnsubscribe(hub.Connect());
        await using var network = new GatewayNetwork(slowLeave);
        await using var publisher = hub.Connect();
        var queue = new InboundQueue(network, drained: null);
        var old = new RecordingRoute("test:rejoin");
        await queue.SubscribeAsync(old.Channel, old, CancellationToken.None);

        // The transport has unsubscribed, but the leave has not returned yet when the channel is subscribed again
        // (a gateway that rejoins under the same name): only the old subscription may be retired.
        var leaving = queue.UnsubscribeAsync(old.Channel).AsTask();
        await slowLeave.Unsubscribed.Task.WaitAsync(Wait.Bound);
        var rejoined = new RecordingRoute(old.Channel);
        await queue.SubscribeAsync(rejoined.Channel, rejoined, CancellationToken.None);
        slowLeave.Release.TrySetResult();
        await leaving.WaitAsync(Wait.Bound);

        // A retired source is forgotten once the worker finds it empty, so the second message tells.
        publisher.Publish(rejoined.Channel, EnvelopeWriter.Write(new PingEnvelope { Id = "first after rejoining" }));
        await Wait.UntilAsync(() => rejoined.Ids.Count == 1, "the first message after rejoining was handled");
        publisher.Publish(rejoined.Channel, EnvelopeWriter.Write(new PingEnvelope { Id = "second after rejoining" }));
        await Wait.UntilAsync(() => rejoined.Ids.Count == 2, "the second message after rejoining was handled");
        Assert.Empty(old.Ids);
    }

    /// <summary>A node on an in-memory network, and a second connection that publishes to it.</summary>
    private sealed class Setup : IAsyncDisposable
    {
        private readonly InMemoryNetworkTransport publisher;
        private readonly HandOverOnly? handOver;

        private Setup(GatewayNetwork network, InMemoryNetworkTransport publisher, HandOverOnly? handOver)
        {
            Network = network;
            this.publisher = publisher;
            this.handOver = handOver;
        }

        public GatewayNetwork Network { get; }

        public static Task<Setup> CreateAsync(bool handedOver, GatewayNetworkOptions? options = null)
        {
            var hub = new InMemoryNetwork();
            var connection = hub.Connect();
            var handOver = handedOver ? new HandOverOnly(connection) : null;
            return Task.FromResult(new Setup(new GatewayNetwork(handOver ?? (INetworkTransport)connection, options), hub.Connect(), handOver));
        }

        public long Publish(string channel, string id) => publisher.Publish(channel, EnvelopeWriter.Write(new PingEnvelope { Id = id }));

        /// <summary>In-memory publishing queues at once; handing over goes through the connection's worker first.</summary>
        public Task UntilHandedOverAsync(int messages) =>
            handOver is null ? Task.CompletedTask : Wait.UntilAsync(() => handOver.HandedOver >= messages, $"{messages} messages were handed over");

        public async ValueTask DisposeAsync()
        {
            await Network.DisposeAsync();
            await publisher.DisposeAsync();
        }
    }

    /// <summary>Forwards every call to the connection it wraps; the test transports below change one call each.</summary>
    private abstract class ForwardingTransport(INetworkTransport inner) : INetworkTransport
    {
        protected INetworkTransport Inner => inner;

        public bool IsConnected => inner.IsConnected;

        public event EventHandler<NetworkConnectionEventArgs>? ConnectionChanged
        {
            add => inner.ConnectionChanged += value;
            remove => inner.ConnectionChanged -= value;
        }

        public virtual ValueTask SubscribeAsync(string channel, Action<ReadOnlyMemory<byte>> onMessage, CancellationToken cancellationToken = default) =>
            inner.SubscribeAsync(channel, onMessage, cancellationToken);

        public virtual ValueTask UnsubscribeAsync(string channel) => inner.UnsubscribeAsync(channel);

        public ValueTask<long> PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default) => inner.PublishAsync(channel, message, cancellationToken);

        public long Publish(string channel, ReadOnlyMemory<byte> message) => inner.Publish(channel, message);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    /// <summary>A transport that only hands messages over, so the network reads them through the default <see cref="INetworkTransport.OpenSubscriptionAsync"/>.</summary>
    private sealed class HandOverOnly(INetworkTransport inner) : ForwardingTransport(inner)
    {
        private int handedOver;

        public int HandedOver => Volatile.Read(ref handedOver);

        public override ValueTask SubscribeAsync(string channel, Action<ReadOnlyMemory<byte>> onMessage, CancellationToken cancellationToken = default) =>
            Inner.SubscribeAsync(
                channel,
                message =>
                {
                    onMessage(message);
                    Interlocked.Increment(ref handedOver);
                },
                cancellationToken);
    }

    /// <summary>A transport whose unsubscribe returns only when released, after it has unsubscribed; the worker reads the connection's subscriptions directly.</summary>
    private sealed class SlowUnsubscribe(INetworkTransport inner) : ForwardingTransport(inner), INetworkTransport
    {
        public TaskCompletionSource Unsubscribed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask<INetworkSubscription> OpenSubscriptionAsync(string channel, Action messagesWaiting, CancellationToken cancellationToken = default) =>
            Inner.OpenSubscriptionAsync(channel, messagesWaiting, cancellationToken);

        public override async ValueTask UnsubscribeAsync(string channel)
        {
            await Inner.UnsubscribeAsync(channel);
            Unsubscribed.TrySetResult();
            await Release.Task;
        }
    }

    private class RecordingRoute(string channel) : IInboundRoute
    {
        private readonly ConcurrentQueue<string> ids = new();

        public string Channel => channel;

        public Action? Entering { get; set; }

        public IReadOnlyCollection<string> Ids => ids;

        public virtual void Handle(Envelope envelope)
        {
            Entering?.Invoke();
            ids.Enqueue(((PingEnvelope)envelope).Id!);
        }
    }

    private sealed class BlockingRoute(string channel) : RecordingRoute(channel)
    {
        private int handled;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ManualResetEventSlim Release { get; } = new();

        public int Handled => Volatile.Read(ref handled);

        public override void Handle(Envelope envelope)
        {
            base.Handle(envelope);
            if (Interlocked.Increment(ref handled) == 1)
            {
                Entered.TrySetResult();
                Release.Wait(Wait.Bound);
            }
        }
    }
}
