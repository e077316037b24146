using System.Runtime.CompilerServices;
using StackExchange.Redis;
using Switchboard.Network;

namespace Switchboard.Redis;

/// <summary>
/// A channel's <see cref="ChannelMessageQueue"/>, read by the network's inbound worker itself: StackExchange.Redis's
/// reader queues each message in order, the worker takes them while it is busy, and when it has found the queue empty
/// one pending <see cref="ChannelMessageQueue.ReadAsync"/> wakes it (its continuation runs on the thread pool, never on
/// the connection's reader). No loop of StackExchange.Redis's own stands in between, and <see cref="ChannelMessageQueue.TryGetCount"/>
/// tells the worker how many wait.
/// </summary>
internal sealed class RedisSubscription : INetworkSubscription
{
    private readonly ChannelMessageQueue queue;
    private readonly Action messagesWaiting;
    private readonly Action readCompleted;
    private ConfiguredValueTaskAwaitable<ChannelMessage>.ConfiguredValueTaskAwaiter pendingRead;

    // The message a pending read brought, handed over before anything still in the queue.
    private byte[]? head;

    // 1 while a read waits for the next message; its completion sets head, then clears this, then wakes the reader.
    private int reading;

    public RedisSubscription(ChannelMessageQueue queue, Action messagesWaiting)
    {
        this.queue = queue;
        this.messagesWaiting = messagesWaiting;
        readCompleted = OnReadCompleted;
    }

    public bool TryRead(out ReadOnlyMemory<byte> message, out int waiting)
    {
        if (Volatile.Read(ref reading) == 1)
        {
            // Nothing was there when the reader last looked, and the pending read has not brought anything yet.
            return Nothing(out message, out waiting);
        }

        // No read is pending, so nothing else writes head now.
        if (Volatile.Read(ref head) is { } first)
        {
            Volatile.Write(ref head, null);
            return Read(first, out message, out waiting);
        }

        if (queue.TryRead(out var next))
        {
            return Read(Bytes(next), out message, out waiting);
        }

        var read = queue.ReadAsync();
        if (read.IsCompleted)
        {
            // A message came in between, or the queue has completed (unsubscribed): then there is nothing to read, ever.
            return read.IsCompletedSuccessfully ? Read(Bytes(read.Result), out message, out waiting) : Completed(read, out message, out waiting);
        }

        Volatile.Write(ref reading, 1);
        pendingRead = read.ConfigureAwait(false).GetAwaiter();
        pendingRead.UnsafeOnCompleted(readCompleted);
        return Nothing(out message, out waiting);
    }

    private static byte[] Bytes(ChannelMessage message) => (byte[]?)message.Message ?? [];

    private static bool Nothing(out ReadOnlyMemory<byte> message, out int waiting)
    {
        message = default;
        waiting = 0;
        return false;
    }

    private static bool Completed(ValueTask<ChannelMessage> read, out ReadOnlyMemory<byte> message, out int waiting)
    {
        try
        {
            read.GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            // ChannelClosedException: the subscription ended.
        }

        return Nothing(out message, out waiting);
    }

    private bool Read(byte[] bytes, out ReadOnlyMemory<byte> message, out int waiting)
    {
        message = bytes;
        waiting = queue.TryGetCount(out var count) ? count : 0;
        return true;
    }

    private void OnReadCompleted()
    {
        try
        {
            Volatile.Write(ref head, Bytes(pendingRead.GetResult()));
        }
        catch (Exception)
        {
            // The queue completed (unsubscribed or closed): nothing more will come.
        }

        pendingRead = default;
        Volatile.Write(ref reading, 0);
        messagesWaiting();
    }
}
