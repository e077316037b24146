namespace Switchboard;

/// <summary>How a handler's invocations are scheduled, after Ignition's Shared / Dedicated / EDT threading.</summary>
public enum HandlerThreading
{
    /// <summary>The gateway's bounded shared pool; invocations start in the order they were queued but may overlap.</summary>
    Shared = 0,

    /// <summary>A queue of the handler's own per endpoint: invocations run one at a time, strictly in order.</summary>
    Dedicated = 1,

    /// <summary>
    /// Client handlers only: posted to the <see cref="SynchronizationContext"/> the client was connected on
    /// (Ignition's EDT). Without one, the client's own ordered queue is used. Elsewhere it behaves as
    /// <see cref="Dedicated"/>.
    /// </summary>
    UI = 2,

    /// <summary>
    /// Gateway handlers only, and not Ignition's: runs on the thread that delivers the message, before the send
    /// returns, as a direct call or Mediator does: a local send's or request's own thread, or for a message from the
    /// gateway network the node's inbound worker. No queue, no thread hop and never <c>QUEUE_FULL</c>; invocations from
    /// several threads overlap. Keep such handlers short and never block one on a reply from the network, which the
    /// inbound worker it may be running on would have to read. A delivery nested so deep that the thread's stack runs
    /// low (a handler that sends to itself) goes to the shared pool instead; in clients and sessions it behaves as
    /// <see cref="Shared"/>.
    /// </summary>
    Inline = 3,
}
