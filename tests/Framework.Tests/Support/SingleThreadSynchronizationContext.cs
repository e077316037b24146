using System.Collections.Concurrent;

namespace Switchboard.Tests.Support;

/// <summary>A UI-like synchronization context: one dedicated thread runs every posted callback in order.</summary>
internal sealed class SingleThreadSynchronizationContext : SynchronizationContext, IDisposable
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> queue = new();
    private readonly Thread thread;

    public SingleThreadSynchronizationContext()
    {
        thread = new Thread(Run) { IsBackground = true, Name = "test UI thread" };
        thread.Start();
    }

    public int ThreadId => thread.ManagedThreadId;

    public override void Post(SendOrPostCallback d, object? state) => queue.Add((d, state));

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException();

    /// <summary>Runs <paramref name="action"/> on the UI thread with this context current, and waits for it.</summary>
    public T Invoke<T>(Func<T> action)
    {
        var done = new TaskCompletionSource<T>();
        Post(_ =>
        {
            try
            {
                done.SetResult(action());
            }
            catch (Exception exception)
            {
                done.SetException(exception);
            }
        }, null);
        return done.Task.GetAwaiter().GetResult();
    }

    public void Dispose() => queue.CompleteAdding();

    private void Run()
    {
        SetSynchronizationContext(this);
        foreach (var (callback, state) in queue.GetConsumingEnumerable())
        {
            callback(state);
        }
    }
}
