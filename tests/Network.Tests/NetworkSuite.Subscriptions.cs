using System.Text;
using Switchboard.Network.Tests.Support;

namespace Switchboard.Network.Tests;

/// <summary>
/// The transport's side of the receive path, on every transport: a subscription its reader takes messages from, in
/// order, with how many still wait, and a wake-up when the reader found it empty and a message came.
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
}
