using System.Threading.Channels;

namespace Switchboard;

/// <summary>
/// A bounded channel drained by a fixed number of workers. With one worker it is a dedicated queue (strict order);
/// with several it is the shared pool (started in FIFO order).
/// </summary>
internal sealed class ChannelQueue : IDeliveryQueue
{
    private readonly Channel<WorkItem> channel;
    private readonly Task[] workers;

    public ChannelQueue(int workerCount, int capacity)
    {
        channel = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(capacity)
        {
            SingleReader = workerCount == 1,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        workers = new Task[workerCount];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(WorkAsync);
        }
    }

    public int Count => channel.Reader.Count;

    public bool TryEnqueue(in WorkItem item) => channel.Writer.TryWrite(item);

    public Task CompleteAsync()
    {
        channel.Writer.TryComplete();
        return Task.WhenAll(workers);
    }

    private async Task WorkAsync()
    {
        var reader = channel.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                await HandlerRunner.RunAsync(item).ConfigureAwait(false);
            }
        }
    }
}
