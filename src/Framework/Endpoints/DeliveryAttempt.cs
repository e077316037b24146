namespace Switchboard;

/// <summary>What became of one delivery offered to an endpoint (<see cref="Endpoint.TryDeliver"/>).</summary>
internal enum DeliveryAttempt
{
    /// <summary>Accepted and queued: the handler will run, and closing the endpoint waits for it.</summary>
    Queued,

    /// <summary>The queue was full: nothing was queued (<c>QUEUE_FULL</c>).</summary>
    QueueFull,

    /// <summary>
    /// The endpoint has begun closing and accepts nothing more: as far as this send goes it had already closed, so it
    /// is left out of the report (or, for the gateway itself, the send fails as on a closed gateway).
    /// </summary>
    Closed,
}
