using System.ComponentModel;

namespace Switchboard;

/// <summary>
/// Turns what a handler method returns into what a <see cref="HandlerInvoker"/> returns. Generated invokers call
/// these so that a synchronous handler completes without allocating and an asynchronous one is awaited once.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HandlerResults
{
    /// <summary>The result of a handler that returns nothing: completed, with no response.</summary>
    public static ValueTask<object?> None => default;

    /// <summary>The result of a handler that returned <paramref name="value"/> synchronously.</summary>
    /// <typeparam name="T">The handler's return type.</typeparam>
    /// <param name="value">The returned value.</param>
    /// <returns>A completed result carrying the value.</returns>
    public static ValueTask<object?> FromValue<T>(T value) => new(value);

    /// <summary>The result of a handler that returned a <see cref="Task"/>.</summary>
    /// <param name="task">The handler's task.</param>
    /// <returns>A result that completes, with no response, when the task does.</returns>
    /// <exception cref="InvalidOperationException">The handler returned a <see langword="null"/> task.</exception>
    public static ValueTask<object?> FromTask(Task task)
    {
        EnsureNotNull(task);
        return task.IsCompletedSuccessfully ? default : AwaitAsync(task);

        static async ValueTask<object?> AwaitAsync(Task task)
        {
            await task.ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>The result of a handler that returned a <see cref="Task{TResult}"/>.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="task">The handler's task.</param>
    /// <returns>A result that completes with the task's value.</returns>
    /// <exception cref="InvalidOperationException">The handler returned a <see langword="null"/> task.</exception>
    public static ValueTask<object?> FromTask<T>(Task<T> task)
    {
        EnsureNotNull(task);
        return task.IsCompletedSuccessfully ? new(task.Result) : AwaitAsync(task);

        static async ValueTask<object?> AwaitAsync(Task<T> task) => await task.ConfigureAwait(false);
    }

    /// <summary>The result of a handler that returned a <see cref="ValueTask"/>.</summary>
    /// <param name="task">The handler's task.</param>
    /// <returns>A result that completes, with no response, when the task does.</returns>
    public static ValueTask<object?> FromValueTask(ValueTask task)
    {
        if (task.IsCompletedSuccessfully)
        {
            // Observing the result releases a pooled source, if any.
            task.GetAwaiter().GetResult();
            return default;
        }

        return AwaitAsync(task);

        static async ValueTask<object?> AwaitAsync(ValueTask task)
        {
            await task.ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>The result of a handler that returned a <see cref="ValueTask{TResult}"/>.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="task">The handler's task.</param>
    /// <returns>A result that completes with the task's value.</returns>
    public static ValueTask<object?> FromValueTask<T>(ValueTask<T> task) =>
        task.IsCompletedSuccessfully ? new(task.Result) : AwaitAsync(task);

    private static async ValueTask<object?> AwaitAsync<T>(ValueTask<T> task) => await task.ConfigureAwait(false);

    private static void EnsureNotNull(Task? task)
    {
        if (task is null)
        {
            throw new InvalidOperationException("The message handler returned a null Task; return Task.CompletedTask instead.");
        }
    }
}
