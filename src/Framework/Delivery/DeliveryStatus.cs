namespace Switchboard;

/// <summary>What happened to a message for one selected system.</summary>
public enum DeliveryStatus
{
    /// <summary>Queued for the handler (Ignition's only status, <c>SENT</c>).</summary>
    Sent,

    /// <summary>The endpoint has no handler of that name in that scope (<c>NO_HANDLER</c>).</summary>
    NoHandler,

    /// <summary>The sender lacks the handler's required role; the handler did not run (<c>DENIED</c>).</summary>
    Denied,

    /// <summary>The remote gateway is unknown or not running (<c>UNREACHABLE</c>).</summary>
    Unreachable,

    /// <summary>The handler's queue was full; the message was not queued (<c>QUEUE_FULL</c>).</summary>
    QueueFull,

    /// <summary>
    /// Stored durably for the remote gateway (<c>QUEUED</c>): it runs when that gateway reads it, at least once, even
    /// after a crash of either side (see <see cref="Endpoint.SendDurableAsync"/>).
    /// </summary>
    Queued,
}
