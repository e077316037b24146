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
}
