namespace Switchboard;

/// <summary>
/// The deliveries of one awaited send that found their queue full (<see cref="QueueFullMode.Wait"/>): each waits for
/// room in its queue and is queued then, and its line in the report turns from <c>QUEUE_FULL</c> to <c>SENT</c>.
/// </summary>
/// <remarks>Made only when a queue was full, so a send that finds room everywhere allocates nothing for it.</remarks>
internal sealed class FullQueueWaits
{
    private readonly List<(int Line, WorkItem Item)> waiting = [];

    /// <summary>Remembers a delivery refused for a full queue, reported on line <paramref name="line"/> of the report.</summary>
    public void Add(int line, in WorkItem item) => waiting.Add((line, item));

    /// <summary>Waits for room for each delivery in turn, queues it, and returns the report with the outcomes.</summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting; what was queued before still runs.</exception>
    /// <exception cref="ObjectDisposedException">The gateway closed while the send waited for its own queue.</exception>
    public async ValueTask<DeliveryReport> DeliverAsync(DeliveryReport report, CancellationToken cancellationToken)
    {
        var lines = report.ToArray();
        var left = new bool[lines.Length];
        foreach (var (line, item) in waiting)
        {
            if (await QueueWhenRoomAsync(item, cancellationToken).ConfigureAwait(false) is { } status)
            {
                lines[line] = lines[line] with { Status = status };
            }
            else
            {
                // Closed while we waited: as if it had closed before the send. The gateway itself closing is an error,
                // as it is for a send that finds it closed.
                ObjectDisposedException.ThrowIf(item.Target is Gateway, item.Target);
                left[line] = true;
            }
        }

        return new DeliveryReport(lines.Where((_, index) => !left[index]).ToArray());
    }

    /// <returns><c>SENT</c>, <c>QUEUE_FULL</c> for a queue that cannot be waited on, or <see langword="null"/> when the endpoint closed.</returns>
    private static async Task<DeliveryStatus?> QueueWhenRoomAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var endpoint = item.Target;
        while (true)
        {
            if (!await endpoint.QueueFor(item.Handler).WaitForRoomAsync(cancellationToken).ConfigureAwait(false))
            {
                return DeliveryStatus.QueueFull;
            }

            switch (endpoint.TryDeliver(item))
            {
                case DeliveryAttempt.Queued:
                    return DeliveryStatus.Sent;
                case DeliveryAttempt.Closed:
                    return null;
            }
        }
    }
}
