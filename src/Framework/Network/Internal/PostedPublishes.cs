using System.Collections.Concurrent;

namespace Switchboard.Network;

/// <summary>A publish that a SendMessage handed to the transport without waiting for it, and what it was for.</summary>
internal readonly record struct PostedPublish(Task<long> Publish, string Server, string MessageHandler);

/// <summary>
/// Observes the publishes a loop of <c>SendMessage</c> calls hands to the transport without waiting (what each found:
/// listeners, nobody, a failure), each once, in the order they were made, as soon as it completes. One observer runs at
/// a time: it waits for the oldest publish that has not completed and then takes every completed one behind it, so a
/// pipelined burst costs a continuation per wait rather than one per message (a transport's tasks run their
/// continuations on the thread pool, each a work item of its own). A transport need not complete its publishes in the
/// order they were made (a user's, or a cluster's that routes channels to different nodes), so the observer waits for
/// the oldest at most <see cref="StallLimit"/>: one that takes longer is observed on its own, and the ones behind it
/// are not held back by it.
/// </summary>
internal sealed class PostedPublishes(PostedPublishes.Handler observed, TimeProvider time)
{
    /// <summary>How long the observer waits for the oldest publish before it leaves that one to a continuation of its own.</summary>
    internal static readonly TimeSpan StallLimit = TimeSpan.FromMilliseconds(100);

    public delegate void Handler(in PostedPublish post);

    private readonly ConcurrentQueue<PostedPublish> waiting = new();

    // 1 while an observer runs (on the thread that posted, or on the continuation of the publish it waits for).
    private int observing;

    /// <summary>Adds a publish; the handler given at construction is called with it once it has completed.</summary>
    public void Observe(in PostedPublish post)
    {
        waiting.Enqueue(post);
        if (Interlocked.CompareExchange(ref observing, 1, 0) != 0)
        {
            return;
        }

        // The observer reports other sends' publishes too: it must not carry this send's context (its logging scopes, its
        // activity) into what it logs for them.
        if (ExecutionContext.IsFlowSuppressed())
        {
            _ = ObserveAsync();
            return;
        }

        using (ExecutionContext.SuppressFlow())
        {
            _ = ObserveAsync();
        }
    }

    private async Task ObserveAsync()
    {
        while (true)
        {
            // Taken, not peeked: a peeked ConcurrentQueue keeps what was dequeued from its segments reachable.
            while (waiting.TryDequeue(out var oldest))
            {
                if (!oldest.Publish.IsCompleted)
                {
                    await ((Task)oldest.Publish.WaitAsync(StallLimit, time)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    if (!oldest.Publish.IsCompleted)
                    {
                        _ = ObserveAloneAsync(oldest);
                        continue;
                    }
                }

                Report(oldest);
            }

            // Stop, unless a publish came in after the queue was found empty and its Observe saw this observer running.
            // A full fence, so that the queue is read below only after the flag is down for every Observe to see.
            Interlocked.Exchange(ref observing, 0);
            if (waiting.IsEmpty || Interlocked.CompareExchange(ref observing, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private async Task ObserveAloneAsync(PostedPublish post)
    {
        await ((Task)post.Publish).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Report(post);
    }

    private void Report(in PostedPublish post)
    {
        try
        {
            observed(post);
        }
        catch (Exception)
        {
            // What observing reports is logged; a logging provider that throws must not stop the observer.
        }
    }
}
