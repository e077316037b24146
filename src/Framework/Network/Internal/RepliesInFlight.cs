namespace Switchboard.Network;

/// <summary>
/// Counts the answers a node owes: each remote request from the moment it is accepted until its reply has reached the
/// transport, and each reply publish until it completed. Closing the network waits for the count to reach zero
/// before it closes the transport, so a request whose handler finished while its gateway drained is still answered
/// (its reply used to race the connection's close, and the requester waited out its whole timeout).
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class RepliesInFlight
{
    /// <summary>How long closing waits for replies still owed before it closes the transport anyway.</summary>
    public static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(5);

    private readonly object gate = new();
    private int count;
    private TaskCompletionSource? idle;

    /// <summary>Counts one answer owed until the returned scope is disposed.</summary>
    public Owed Begin()
    {
        lock (gate)
        {
            count++;
        }

        return new Owed(this);
    }

    /// <summary>Completes when no answer is owed (at once when none is).</summary>
    public Task WhenNoneAsync()
    {
        lock (gate)
        {
            if (count == 0)
            {
                return Task.CompletedTask;
            }

            idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return idle.Task;
        }
    }

    private void End()
    {
        TaskCompletionSource? completed = null;
        lock (gate)
        {
            if (--count == 0)
            {
                (completed, idle) = (idle, null);
            }
        }

        completed?.TrySetResult();
    }

    /// <summary>One answer owed; disposing it says the answer reached the transport (or could not).</summary>
    public readonly struct Owed(RepliesInFlight owner) : IDisposable
    {
        public void Dispose() => owner.End();
    }
}
