using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Network.Tests.Support;

namespace Switchboard.Network.Tests;

/// <summary>
/// The transport's side of the receive path, on every transport: a subscription its reader takes messages from, in
/// order, with how many still wait, and a wake-up when the reader found it empty and a message came; and the node's
/// inbound worker counting what waits there against <see cref="GatewayNetworkOptions.InboundQueueCapacity"/>.
/// </summary>
public abstract partial class NetworkSuite
{
    [Fact]
    public async Task ASubscriptionIsReadInOrderWithItsBacklogAndWakesItsReaderOnlyAfterItFoundItEmpty()
    {
        var reader = await ConnectTransportAsync();
        await using var readerConnection = reader;
        var publisher = await ConnectTransportAsync();
        await using var publisherConnection = publisher;
        var channel = $"{NetworkName}:subscription";
        var wakes = 0;
        var subscription = await reader.OpenSubscriptionAsync(channel, () => Interlocked.Increment(ref wakes));

        Assert.False(subscription.TryRead(out _, out _));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(1, await publisher.PublishAsync(channel, Encoding.UTF8.GetBytes($"m{i}")));
        }

        // The reader found it empty: the first message wakes it (the others may arrive before it looks).
        await Wait.UntilAsync(() => Volatile.Read(ref wakes) >= 1, "the reader was woken");
        var read = new List<string>();
        var lastWaiting = int.MaxValue;
        await Wait.UntilAsync(
            () =>
            {
                while (subscription.TryRead(out var message, out var waiting))
                {
                    read.Add(Encoding.UTF8.GetString(message.Span));
                    Assert.InRange(waiting, 0, Math.Min(4, lastWaiting));
                    lastWaiting = waiting;
                }

                return read.Count == 5;
            },
            "all five were read");

        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], read);
        Assert.Equal(0, lastWaiting);

        // Found empty again: the next message wakes it again, and is the next to read.
        var wakesBefore = Volatile.Read(ref wakes);
        Assert.False(subscription.TryRead(out _, out _));
        await publisher.PublishAsync(channel, "m5"u8.ToArray());
        await Wait.UntilAsync(() => Volatile.Read(ref wakes) > wakesBefore, "the reader was woken again");
        string? next = null;
        await Wait.UntilAsync(() => subscription.TryRead(out var message, out _) && (next = Encoding.UTF8.GetString(message.Span)) is not null, "m5 was read");
        Assert.Equal("m5", next);

        await reader.UnsubscribeAsync(channel);
        Assert.Equal(0, await publisher.PublishAsync(channel, "after"u8.ToArray()));
    }

    [Fact]
    public async Task WhatWaitsInTheTransportBeyondTheInboundQueueCapacityIsDroppedOldestFirstAndCountedAsOverloaded()
    {
        const int Capacity = 10;
        const int Behind = 100;
        var holdingLog = new HoldFirstDrop();
        var options = Options();
        options.InboundQueueCapacity = Capacity;
        options.LoggerFactory = holdingLog;
        var (receiver, receiverTransport) = await NodeAsync(options);
        var (sender, senderTransport) = await NodeAsync();
        var (_, log9000) = await GatewayAsync(receiver, "agent-9000");
        var (agent8088, _) = await GatewayAsync(sender, "agent-8088");
        await Wait.UntilAsync(() => sender.LiveGateways.Contains("agent-9000"), "agent-8088's node heard agent-9000");
        var channel = $"{NetworkName}:gateway:agent-9000";
        var marker = $"{NetworkName}:marker";

        try
        {
            // The receiver's worker logs the drop of a malformed message, and the log holds it there while 100 sends
            // queue behind it in the transport.
            await senderTransport.PublishAsync(channel, "not an envelope"u8.ToArray());
            await holdingLog.Entered.Task.WaitAsync(Wait.Bound);
            for (var i = 1; i <= Behind; i++)
            {
                Assert.EndsWith("sendStatus=SENT", agent8088.SendMessage("X", "testHandler", Payload(("sequence", i)), remoteServers: ["agent-9000"])[0]);
            }

            // A marker published after them on the same connection reaches the receiver's connection after them.
            var markerSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await receiverTransport.SubscribeAsync(marker, _ => markerSeen.TrySetResult());
            Assert.Equal(1, await senderTransport.PublishAsync(marker, "m"u8.ToArray()));
            await markerSeen.Task.WaitAsync(Wait.Bound);
        }
        finally
        {
            holdingLog.Release.Set();
        }

        await Wait.UntilAsync(() => receiver.Statistics.Received >= Behind + 1, "the receiver read every message");
        await Wait.UntilAsync(() => log9000.Of("testHandler").Count == Capacity, "the newest ten were handled");
        Assert.Equal(Behind - Capacity, receiver.Statistics.DroppedFor(DropReason.Overloaded));

        // The newest ten; the handler runs on the shared pool, whose invocations may overlap, so their order is not asserted here.
        Assert.Equal(
            Enumerable.Range(Behind - Capacity + 1, Capacity),
            log9000.Of("testHandler").Select(delivery => Convert.ToInt32(((IReadOnlyDictionary<string, object?>)delivery.Payload!)["sequence"], System.Globalization.CultureInfo.InvariantCulture)).Order());
    }

    /// <summary>Holds the first thread that logs a dropped message until released, as a busy inbound worker.</summary>
    private sealed class HoldFirstDrop : ILoggerFactory, ILogger
    {
        private int held;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ManualResetEventSlim Release { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == 20 && Interlocked.Exchange(ref held, 1) == 0)
            {
                Entered.TrySetResult();
                Release.Wait(Wait.Bound);
            }
        }

        public void Dispose() => Release.Set();
    }
}
