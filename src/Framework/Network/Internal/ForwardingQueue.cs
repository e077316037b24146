using System.Threading.Channels;

namespace Switchboard.Network;

/// <summary>
/// A remote client's delivery queue on its gateway: bounded like any endpoint queue (full means <c>QUEUE_FULL</c>),
/// drained by one worker that forwards each delivery over the network in the order it was accepted.
/// </summary>
internal sealed class ForwardingQueue : IDeliveryQueue
{
    private readonly RemoteClientLink link;
    private readonly Channel<WorkItem> channel;
    private readonly Task worker;

    public ForwardingQueue(RemoteClientLink link, int capacity)
    {
        this.link = link;
        channel = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        worker = Task.Run(ForwardAllAsync);
    }

    public bool TryEnqueue(in WorkItem item) => channel.Writer.TryWrite(item);

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
                await link.ForwardAsync(item).ConfigureAwait(false);
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
