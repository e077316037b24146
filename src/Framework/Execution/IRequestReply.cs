namespace Switchboard;

/// <summary>
/// Where a queued delivery's answer goes when someone waits for it: a request's <see cref="RequestCompletion"/>, or
/// one target of a request-all (<see cref="RequestAllCall{TResponse}"/>). <see cref="HandlerRunner"/> sees only this.
/// </summary>
internal interface IRequestReply
{
    /// <summary>Whether nobody waits any more (answered, timed out or cancelled); such a delivery is not run.</summary>
    bool IsCompleted { get; }

    /// <summary>Given to the handler: signalled on timeout or the caller's cancellation.</summary>
    CancellationToken Token { get; }

    /// <summary>Times the wait out now if its deadline has passed but the timer has not fired yet; called before the handler runs.</summary>
    /// <returns><see langword="true"/> when it had expired; the handler must not run.</returns>
    bool TryExpire();

    /// <summary>Answers with the handler's value.</summary>
    void Complete(object? result);

    /// <summary>Reports what the handler threw.</summary>
    /// <returns><see langword="true"/> when the handler failed on its own account (not by the cancellation it was signalled), so it is logged.</returns>
    bool Fail(Exception handlerException);
}
