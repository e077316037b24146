namespace Switchboard;

/// <summary>How one target of a request-all (<see cref="IMessageSender.RequestAllAsync{TResponse}"/>) answered.</summary>
public enum RequestAllStatus
{
    /// <summary>The handler ran and returned; <see cref="RequestAllResult{TResponse}.Response"/> is its value (<c>ANSWERED</c>).</summary>
    Answered,

    /// <summary>The target has no handler of that name in its scope; nothing ran (<c>NO_HANDLER</c>).</summary>
    NotFound,

    /// <summary>The sender lacks the handler's required role; the handler did not run (<c>DENIED</c>).</summary>
    Denied,

    /// <summary>
    /// The handler threw, or returned something that is not the caller's response type;
    /// <see cref="RequestAllResult{TResponse}.Exception"/> says what (<c>FAILED</c>).
    /// </summary>
    Failed,

    /// <summary>No answer came before the timeout; the handler's token was signalled (<c>TIMED_OUT</c>).</summary>
    TimedOut,

    /// <summary>The remote gateway (or a remote client's process) is unknown, not running, or stopped answering (<c>UNREACHABLE</c>).</summary>
    Unreachable,

    /// <summary>The handler's queue was full; the request was not queued (<c>QUEUE_FULL</c>).</summary>
    QueueFull,
}

/// <summary>Formats <see cref="RequestAllStatus"/> as upper-case codes, as <see cref="DeliveryStatusCode"/> does for sends.</summary>
public static class RequestAllStatusCode
{
    /// <summary>The code for a status, for example <c>ANSWERED</c> or <c>TIMED_OUT</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined value.</exception>
    public static string ToCode(this RequestAllStatus status) => status switch
    {
        RequestAllStatus.Answered => "ANSWERED",
        RequestAllStatus.NotFound => "NO_HANDLER",
        RequestAllStatus.Denied => "DENIED",
        RequestAllStatus.Failed => "FAILED",
        RequestAllStatus.TimedOut => "TIMED_OUT",
        RequestAllStatus.Unreachable => "UNREACHABLE",
        RequestAllStatus.QueueFull => "QUEUE_FULL",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown request-all status."),
    };

    /// <summary>The request-all status of a target that a send could not reach.</summary>
    internal static RequestAllStatus FromDelivery(DeliveryStatus status) => status switch
    {
        DeliveryStatus.NoHandler => RequestAllStatus.NotFound,
        DeliveryStatus.Denied => RequestAllStatus.Denied,
        DeliveryStatus.Unreachable => RequestAllStatus.Unreachable,
        DeliveryStatus.QueueFull => RequestAllStatus.QueueFull,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A delivered request has no outcome until it answers."),
    };
}
