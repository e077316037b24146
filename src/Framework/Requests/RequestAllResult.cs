namespace Switchboard;

/// <summary>
/// One target's answer to a request-all: who it is (<see cref="Target"/>, the same identity and fields as a send's
/// result string) and what it answered, or why it did not.
/// </summary>
/// <typeparam name="TResponse">The caller's response type.</typeparam>
/// <remarks><see cref="ToString"/> is the target's send result string followed by <c>,requestStatus=…</c>.</remarks>
public readonly record struct RequestAllResult<TResponse>
{
    /// <summary>
    /// The target: its type, session id, address and host (clients and sessions), server name (remote gateways, and
    /// endpoints of a remote gateway), project, handler and filters, and whether the request was queued for it
    /// (<see cref="DeliveryResult.Status"/>).
    /// </summary>
    public required DeliveryResult Target { get; init; }

    /// <summary>What the target answered, or why it did not.</summary>
    public required RequestAllStatus Status { get; init; }

    /// <summary>
    /// The handler's value when <see cref="Status"/> is <see cref="RequestAllStatus.Answered"/> (<see langword="default"/>
    /// for a handler that returns nothing); otherwise <see langword="default"/>.
    /// </summary>
    public TResponse? Response { get; init; }

    /// <summary>
    /// For <see cref="RequestAllStatus.Failed"/>: a <see cref="MessageHandlerFailedException"/> whose inner exception is the
    /// handler's (a <see cref="Network.RemoteHandlerException"/> when it ran on another machine), or an
    /// <see cref="InvalidCastException"/> when the handler returned something that is not a <typeparamref name="TResponse"/>.
    /// </summary>
    public Exception? Exception { get; init; }

    /// <summary>Whether the target answered (<see cref="RequestAllStatus.Answered"/>).</summary>
    public bool IsAnswered => Status == RequestAllStatus.Answered;

    /// <summary>
    /// Formats as the target's send result string with the answer's status, for example
    /// <c>type=Session,sessionId=65F7A472,…,sendStatus=SENT,requestStatus=TIMED_OUT</c>.
    /// </summary>
    /// <returns>The result string.</returns>
    public override string ToString() => $"{Target},requestStatus={Status.ToCode()}";
}
