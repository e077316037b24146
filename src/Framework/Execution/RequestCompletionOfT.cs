namespace Switchboard;

/// <summary>
/// A request whose caller waits for a <typeparamref name="TResponse"/>: the handler's value is converted here, when the
/// answer is published, so that the caller's task is the only task of the round trip.
/// </summary>
/// <remarks>
/// The task runs its continuations on the thread that completes it, and only <see cref="RequestCompletion"/> completes
/// it, from a thread that is no drainer: a thread-pool work item of its own, or the thread of the drainer that ran the
/// handler once that drainer has stepped out of its queue's count (see <see cref="RequestCompletion"/>). Caller code
/// therefore never runs as a drainer and cannot hold up the gateway's handlers. A caller that blocks on the task
/// (<c>Wait</c>, <c>GetResult</c>) is woken directly.
/// </remarks>
internal sealed class RequestCompletion<TResponse>(
    string project, string messageHandler, TimeSpan timeout, CancellationToken callerToken, DeadlineScheduler<RequestCompletion> deadlines)
    : RequestCompletion(project, messageHandler, timeout, callerToken, deadlines)
{
    // No RunContinuationsAsynchronously: the base class decides where the task is completed (see the remarks).
    private readonly TaskCompletionSource<TResponse> response = new();

    public Task<TResponse> Task => response.Task;

    protected override void SetResult(object? result)
    {
        if (RequestResponse.TryConvert(result, out TResponse value))
        {
            response.TrySetResult(value);
        }
        else
        {
            response.TrySetException(RequestResponse.WrongType<TResponse>(result, Project, MessageHandler));
        }
    }

    protected override void SetException(Exception exception) => response.TrySetException(exception);

    protected override void SetCanceled(CancellationToken cancellationToken) => response.TrySetCanceled(cancellationToken);
}
