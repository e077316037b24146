using System.Runtime.ExceptionServices;

namespace Switchboard;

/// <summary>A request's response as the caller's type, and the caller's task when the request fails before it is queued.</summary>
internal static class RequestResponse
{
    public static bool TryConvert<TResponse>(object? response, out TResponse value)
    {
        switch (response)
        {
            case TResponse typed:
                value = typed;
                return true;
            case null when default(TResponse) is null:
                value = default!;
                return true;
            default:
                value = default!;
                return false;
        }
    }

    public static TResponse Convert<TResponse>(object? response, string project, string messageHandler) =>
        TryConvert(response, out TResponse value) ? value : throw WrongType<TResponse>(response, project, messageHandler);

    public static InvalidCastException WrongType<TResponse>(object? response, string project, string messageHandler) =>
        new($"The message handler \"{messageHandler}\" in project \"{project}\" returned " +
            $"{response?.GetType().FullName ?? "null"}, which is not a {typeof(TResponse).FullName}.");

    /// <summary>
    /// The task an async method would have returned after throwing <paramref name="exception"/>: faulted, or cancelled
    /// for an <see cref="OperationCanceledException"/> (which it keeps, as an async method does).
    /// </summary>
    public static Task<TResponse> Failed<TResponse>(Exception exception) => Rethrow<TResponse>(ExceptionDispatchInfo.Capture(exception));

#pragma warning disable CS1998 // Async without await: the async method builder is what turns the exception into the task.
    private static async Task<TResponse> Rethrow<TResponse>(ExceptionDispatchInfo failure)
    {
        failure.Throw();
        return default!;
    }
#pragma warning restore CS1998
}
