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
    /// Gateway handlers only, and not Ignition's: a send or request made in this process runs the handler on the
    /// sending thread before it returns, as a direct call or Mediator does, with no queue and no thread hop (but
    /// without the caller's <see cref="SynchronizationContext"/>, so its awaits never resume on a UI thread the caller
    /// may be blocking). Invocations from several threads overlap, a slow handler slows its senders, and a request's
    /// timeout or cancellation is seen only once the handler's synchronous part returns. A message from the gateway
    /// network, and a delivery nested so deep that the stack runs low (a handler that sends to itself), run on the
    /// shared pool instead, as <see cref="Shared"/> does; so do clients and sessions.
    /// </summary>
    Inline = 3,
}
