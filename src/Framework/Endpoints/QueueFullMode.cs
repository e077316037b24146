namespace Switchboard;

/// <summary>
/// What an awaited send (<see cref="IMessageSender.SendAsync"/> and the generated <c>Send…Async</c> stubs) does when a
/// target's queue is full: <see cref="GatewayOptions.QueueFullMode"/>. The synchronous
/// <see cref="IMessageSender.SendMessage"/> is Ignition's fire-and-forget and always reports <c>QUEUE_FULL</c> at once.
/// </summary>
public enum QueueFullMode
{
    /// <summary>
    /// The send waits for room in each full queue and then queues there, as a bounded <c>Channel</c>'s writer does in
    /// its Wait mode, so that senders that outrun their handlers slow down instead of losing messages. The default.
    /// </summary>
    /// <remarks>
    /// <para>The targets whose queues had room are queued at once, in the send's usual order; only the full ones are
    /// waited for (one after another), and the report says <c>SENT</c> for each once it is queued. A client or session
    /// that closes while the send waits for it is left out of the report, as if it had closed before the send.</para>
    /// <para>Cancelling the send's token while it waits throws <see cref="OperationCanceledException"/>. What was
    /// queued before that (every target that had room, and full ones already retried) stays queued and runs; the
    /// targets still waiting receive nothing. If the gateway itself closes meanwhile the send throws
    /// <see cref="ObjectDisposedException"/>, and the gateway's drain has run what was queued.</para>
    /// <para>A handler that awaits a send to its own full pool holds a worker while it waits; if every worker does, the
    /// pool cannot free room. Give such sends a cancellation token with a timeout, or use <see cref="Report"/>.</para>
    /// </remarks>
    Wait,

    /// <summary>A full queue is reported as <c>QUEUE_FULL</c> for that target at once, and nothing is queued for it.</summary>
    Report,
}
