using System.Threading.Channels;

namespace Switchboard.Network;

/// <summary>
/// A remote client's delivery queue on its gateway: bounded like any endpoint queue (full means <c>QUEUE_FULL</c>, or
/// a wait for room for an awaited send in <see cref="QueueFullMode.Wait"/>), drained by one worker that forwards each
/// delivery over the network in the order it was accepted.
/// </summary>
internal sealed class ForwardingQueue : IDeliveryQueue
{
    private readonly Func<WorkItem, Task> forward;
    private readonly Channel<WorkItem> channel;
    private readonly Task worker;

    /// <param name="forward">Sends one delivery on (the remote client's link); the next is not forwarded before it completes.</param>
    /// <param name="capacity">How many accepted deliveries may wait to be forwarded.</param>
    public ForwardingQueue(Func<WorkItem, Task> forward, int capacity)
    {
        this.forward = forward;
        channel = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        worker = Task.Run(ForwardAllAsync);
    }

    public bool TryEnqueue(in WorkItem item) => channel.Writer.TryWrite(item);

    /// <summary>
    /// Completes when the channel has room, or once it is completing (the retry then finds the endpoint closed): the
    /// channel's own writer wait, which wakes waiting writers as the worker reads.
    /// </summary>
    public async Task<bool> WaitForRoomAsync(CancellationToken cancellationToken)
    {
        // False means the channel was completed: room will never come, but the endpoint refuses the retry as closed.
        _ = await channel.Writer.WaitToWriteAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public Task CompleteAsync()
    {
        channel.Writer.TryComplete();
        return worker;
    }

    private async Task ForwardAllAsync()
    {
        await foreach (var item in channel.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await forward(item).ConfigureAwait(false);
            }
            finally
            {
                // Forwarded is done, as far as this gateway is concerned: the client's own queues take it from here.
                SwitchboardTelemetry.QueueDepth.Add(-1);
                item.Target.Pending.Release();
            }
        }
    }
}
