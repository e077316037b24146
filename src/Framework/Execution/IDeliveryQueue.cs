namespace Switchboard;

/// <summary>A bounded place where accepted deliveries wait for their handler to run.</summary>
internal interface IDeliveryQueue
{
    /// <summary>Queues the item, or returns <see langword="false"/> at once when the queue is full.</summary>
    bool TryEnqueue(in WorkItem item);

    /// <summary>Accepts no more items and completes when those already queued have run.</summary>
    Task CompleteAsync();
}
