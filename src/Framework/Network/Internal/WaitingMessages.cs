using System.Collections.Concurrent;

namespace Switchboard.Network;

/// <summary>
/// A subscription's messages waiting for their reader, oldest first, for a transport that receives them on threads of
/// its own (<see cref="InMemoryNetworkTransport"/>, and any transport through the default
/// <see cref="INetworkTransport.OpenSubscriptionAsync"/>). The reader is woken through the thread pool, and only when it
/// has found the queue empty, so a busy reader takes message after message without a wake-up.
/// </summary>
internal sealed class WaitingMessages(Action messagesWaiting) : INetworkSubscription
{
    private readonly ConcurrentQueue<ReadOnlyMemory<byte>> messages = new();
    private int count;

    // 1 while the reader has found nothing and waits to be told; the first message also wakes it.
    private int readerWaits = 1;

    /// <summary>Subscribes through a transport's <see cref="INetworkTransport.SubscribeAsync"/>, queuing what it hands over.</summary>
    public static async ValueTask<INetworkSubscription> SubscribeAsync(INetworkTransport transport, string channel, Action messagesWaiting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messagesWaiting);
        var waiting = new WaitingMessages(messagesWaiting);
        await transport.SubscribeAsync(channel, waiting.Add, cancellationToken).ConfigureAwait(false);
        return waiting;
    }

    public void Add(ReadOnlyMemory<byte> message)
    {
        messages.Enqueue(message);
        Interlocked.Increment(ref count);
        if (Volatile.Read(ref readerWaits) == 1 && Interlocked.Exchange(ref readerWaits, 0) == 1)
        {
            // Never on the adding thread: that is a publisher's, or the transport's own reader.
            ThreadPool.UnsafeQueueUserWorkItem(static wake => wake(), messagesWaiting, preferLocal: false);
        }
    }

    /// <summary>Forgets what waits (a dropped connection loses the messages on their way).</summary>
    public void Clear()
    {
        while (messages.TryDequeue(out _))
        {
            Interlocked.Decrement(ref count);
        }
    }

    public bool TryRead(out ReadOnlyMemory<byte> message, out int waiting)
    {
        if (!messages.TryDequeue(out message))
        {
            // Say so before looking again: a message added in between either is seen now or wakes the reader.
            Interlocked.Exchange(ref readerWaits, 1);
            if (!messages.TryDequeue(out message))
            {
                waiting = 0;
                return false;
            }
        }

        waiting = Math.Max(0, Interlocked.Decrement(ref count));
        return true;
    }
}
