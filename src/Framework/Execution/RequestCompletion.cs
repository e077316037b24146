namespace Switchboard;

/// <summary>
/// The waiting side of one request: its response, its timeout, and the caller's cancellation. Completed exactly once,
/// by the handler's result or failure, the timeout, or the caller's token, whichever comes first.
/// </summary>
internal sealed class RequestCompletion : IDisposable
{
    private readonly TaskCompletionSource<object?> response = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource deadline;
    private readonly CancellationTokenRegistration registration;
    private readonly string project;
    private readonly string messageHandler;
    private readonly TimeSpan timeout;
    private readonly CancellationToken callerToken;

    public RequestCompletion(string project, string messageHandler, TimeSpan timeout, CancellationToken callerToken)
    {
        this.project = project;
        this.messageHandler = messageHandler;
        this.timeout = timeout;
        this.callerToken = callerToken;
        deadline = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            deadline.CancelAfter(timeout);
        }

        registration = deadline.Token.UnsafeRegister(static state => ((RequestCompletion)state!).OnDeadline(), this);
    }

    /// <summary>Given to the handler: signalled on timeout or caller cancellation.</summary>
    public CancellationToken Token => deadline.Token;

    public Task<object?> Task => response.Task;

    public bool IsCompleted => response.Task.IsCompleted;

    public void Complete(object? result) => response.TrySetResult(result);

    /// <summary>Reports what the handler threw; a cancellation the deadline caused reports the deadline instead.</summary>
    /// <returns><see langword="true"/> when the handler failed on its own account.</returns>
    public bool Fail(Exception handlerException)
    {
        if (handlerException is OperationCanceledException && deadline.IsCancellationRequested)
        {
            OnDeadline();
            return false;
        }

        response.TrySetException(new MessageHandlerFailedException(project, messageHandler, handlerException));
        return true;
    }

    public void Dispose()
    {
        registration.Dispose();
        deadline.Dispose();
    }

    private void OnDeadline()
    {
        if (callerToken.IsCancellationRequested)
        {
            response.TrySetCanceled(callerToken);
        }
        else
        {
            response.TrySetException(new RequestTimeoutException(project, messageHandler, timeout));
        }
    }
}
