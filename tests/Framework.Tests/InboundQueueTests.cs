using Switchboard.Network;

namespace Switchboard.Tests;

/// <summary>
/// A node's inbound worker publishes the confirmations it gathered when its queue runs dry, and also while it does
/// not: otherwise a steady stream of other traffic would hold an awaited send's confirmation back until the sender
/// gave up and reported a delivered message UNREACHABLE.
/// </summary>
public sealed class InboundQueueTests
{
    [Fact]
    public async Task AQueueThatNeverRunsDryStillFlushesEveryFlushEveryMessages()
    {
        const int Messages = 100;
        await using var network = new GatewayNetwork(new InMemoryNetwork().Connect());
        var flushes = 0;
        var route = new BlockingRoute();
        var queue = new InboundQueue(network, drained: () => Interlocked.Increment(ref flushes));

        // The first message holds the worker until every other message waits behind it, so the queue stays full
        // from then on and never runs dry before the last one.
        queue.Receive(route, EnvelopeWriter.Write(new PingEnvelope { Id = "first" }));
        await route.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        for (var i = 1; i < Messages; i++)
        {
            queue.Receive(route, EnvelopeWriter.Write(new PingEnvelope { Id = $"m{i}" }));
        }

        var before = Volatile.Read(ref flushes);
        route.Release.Set();
        await queue.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Messages, route.Handled);
        Assert.Equal(0, before);

        // At 32, 64 and 96 handled, then once dry, then once more as the worker ends.
        Assert.True(Volatile.Read(ref flushes) >= (Messages / InboundQueue.FlushEvery) + 1, $"flushed {flushes} times for {Messages} messages");
    }

    private sealed class BlockingRoute : IInboundRoute
    {
        private int handled;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ManualResetEventSlim Release { get; } = new();

        public int Handled => Volatile.Read(ref handled);

        public string Channel => "test:inbound";

        public void Handle(Envelope envelope)
        {
            if (Interlocked.Increment(ref handled) == 1)
            {
                Entered.TrySetResult();
                Release.Wait(TimeSpan.FromSeconds(10));
            }
        }
    }
}
