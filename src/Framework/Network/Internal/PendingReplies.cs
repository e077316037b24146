using System.Collections.Concurrent;

namespace Switchboard.Network;

/// <summary>Sends and requests waiting for a reply, by message id. A reply nobody waits for is counted, never an error.</summary>
internal sealed class PendingReplies(NetworkStatistics statistics)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Envelope>> waiting = new(StringComparer.Ordinal);

    public int Count => waiting.Count;

    /// <summary>Registers a new message id before its message is published, so that no reply can arrive unseen.</summary>
    public (string Id, Task<Envelope> Reply) Register()
    {
        while (true)
        {
            var id = MessageIds.New();
            var completion = new TaskCompletionSource<Envelope>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (waiting.TryAdd(id, completion))
            {
                return (id, completion.Task);
            }
        }
    }

    public void Forget(string id) => waiting.TryRemove(id, out _);

    public void Complete(Envelope reply)
    {
        if (reply.Id is { } id && waiting.TryRemove(id, out var completion))
        {
            completion.TrySetResult(reply);
        }
        else
        {
            statistics.CountUnmatched();
        }
    }

    /// <summary>Fails every waiter, for a lost connection or a closing network.</summary>
    /// <returns>How many were waiting.</returns>
    public int FailAll(Exception exception)
    {
        var failed = 0;
        foreach (var id in waiting.Keys)
        {
            if (waiting.TryRemove(id, out var completion) && completion.TrySetException(exception))
            {
                failed++;
            }
        }

        return failed;
    }
}

/// <summary>Message ids: 32 hex digits, unique without coordination.</summary>
internal static class MessageIds
{
    public static string New() => Guid.NewGuid().ToString("N");
}
