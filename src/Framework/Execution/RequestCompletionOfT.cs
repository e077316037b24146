namespace Switchboard;

/// <summary>
/// A request whose caller waits for a <typeparamref name="TResponse"/>: the handler's value is converted here, on the
/// worker, so that the caller's task is the only task of the round trip.
/// </summary>
/// <remarks>
/// The task runs its continuations asynchronously: a caller's <c>await</c> continues on the thread pool, never on the
/// worker that answered, so that caller code cannot hold up the gateway's handlers. A caller that blocks on the task
/// (<c>Wait</c>, <c>GetResult</c>) is still woken directly by the worker.
/// </remarks>
internal sealed class RequestCompletion<TResponse>(
    string project, string messageHandler, TimeSpan timeout, CancellationToken callerToken, DeadlineScheduler<RequestCompletion> deadlines)
    : RequestCompletion(project, messageHandler, timeout, callerToken, deadlines)
{
    private readonly TaskCompletionSource<TResponse> response = new(TaskCreationOptions.RunContinuationsAsynchronously);

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
