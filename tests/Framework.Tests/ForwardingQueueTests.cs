using System.Collections.Concurrent;
using Switchboard.Network;
using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>
/// The queue in front of a remote client (<see cref="ForwardingQueue"/>): bounded, forwarded one at a time in order,
/// and, for an awaited send in <see cref="QueueFullMode.Wait"/>, waited on for room as the endpoint queues are.
/// </summary>
public sealed class ForwardingQueueTests
{
    [Fact]
    public async Task A_sender_waiting_for_room_gets_in_once_the_worker_forwards_and_order_is_kept()
    {
        await using var gateway = new Gateway("g");
        var (queue, forwarder) = await FullQueueAsync(gateway);
        Assert.False(Enqueue(queue, gateway, 2));

        var room = queue.WaitForRoomAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(room.IsCompleted);
        forwarder.Release();

        Assert.True(await room.WaitAsync(Wait.Bound));
        Assert.True(Enqueue(queue, gateway, 2));
        await queue.CompleteAsync().WaitAsync(Wait.Bound);
        Assert.Equal([0, 1, 2], forwarder.Forwarded);
        Assert.Equal(0, gateway.Pending.Count);
    }

    [Fact]
    public async Task A_waiting_sender_is_cancelled_by_its_token_and_queues_nothing()
    {
        await using var gateway = new Gateway("g");
        var (queue, forwarder) = await FullQueueAsync(gateway);
        using var cancel = new CancellationTokenSource();

        var room = queue.WaitForRoomAsync(cancel.Token);
        await Task.Delay(50);
        Assert.False(room.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => room.WaitAsync(Wait.Bound));
        Assert.ThrowsAny<OperationCanceledException>(() => queue.WaitForRoomAsync(cancel.Token).GetAwaiter().GetResult());
        forwarder.Release();
        await queue.CompleteAsync().WaitAsync(Wait.Bound);
        Assert.Equal([0, 1], forwarder.Forwarded);
    }

    [Fact]
    public async Task A_waiting_sender_is_let_go_when_the_queue_completes_and_its_retry_is_refused()
    {
        await using var gateway = new Gateway("g");
        var (queue, forwarder) = await FullQueueAsync(gateway);
        var room = queue.WaitForRoomAsync(CancellationToken.None);

        var completing = queue.CompleteAsync();

        Assert.True(await room.WaitAsync(Wait.Bound));
        Assert.False(Enqueue(queue, gateway, 2));
        forwarder.Release();
        await completing.WaitAsync(Wait.Bound);
        Assert.Equal([0, 1], forwarder.Forwarded);
    }

    // A queue of one whose worker is stuck forwarding item 0, with item 1 waiting: full.
    private static async Task<(ForwardingQueue Queue, BlockingForwarder Forwarder)> FullQueueAsync(Gateway gateway)
    {
        var forwarder = new BlockingForwarder();
        var queue = new ForwardingQueue(forwarder.ForwardAsync, capacity: 1);
        Assert.True(Enqueue(queue, gateway, 0));
        await forwarder.Started.WaitAsync(Wait.Bound);
        Assert.True(Enqueue(queue, gateway, 1));
        return (queue, forwarder);
    }

    // Counts the item as pending first, as Endpoint.TryDeliver does, so that the worker's release balances.
    private static bool Enqueue(ForwardingQueue queue, Gateway gateway, int payload)
    {
        Assert.True(gateway.Pending.TryAdd());
        var handler = Handlers.Of("X", "h", Scope.Client, (_, _) => { });
        if (queue.TryEnqueue(new WorkItem(gateway, handler, Scope.Client, gateway.SenderInfo, payload, request: null)))
        {
            return true;
        }

        gateway.Pending.Release();
        return false;
    }

    /// <summary>Records what is forwarded; the first forward waits until <see cref="Release"/>.</summary>
    private sealed class BlockingForwarder
    {
        private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<int> forwarded = new();

        public Task Started => started.Task;

        public int[] Forwarded => [.. forwarded];

        public void Release() => released.TrySetResult();

        public async Task ForwardAsync(WorkItem item)
        {
            started.TrySetResult();
            await released.Task.ConfigureAwait(false);
            forwarded.Enqueue((int)item.Payload!);
        }
    }
}
