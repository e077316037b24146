namespace Switchboard;

/// <summary>A bounded place where accepted deliveries wait for their handler to run.</summary>
internal interface IDeliveryQueue
{
    private static readonly Task<bool> CannotWait = Task.FromResult(false);

    /// <summary>Queues the item, or returns <see langword="false"/> at once when the queue is full.</summary>
    bool TryEnqueue(in WorkItem item);

    /// <summary>
    /// For a sender in <see cref="QueueFullMode.Wait"/>: completes once the queue may have room again, or has begun
    /// completing, and the caller then retries <see cref="TryEnqueue"/> (which may still find it full: another sender
    /// was quicker). A queue that cannot be waited on returns <see langword="false"/>: the delivery is <c>QUEUE_FULL</c>.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<bool> WaitForRoomAsync(CancellationToken cancellationToken) => CannotWait;

    /// <summary>Accepts no more items and completes when those already queued have run.</summary>
    Task CompleteAsync();
}
