using System.Collections.Concurrent;

namespace Switchboard.Network;

/// <summary>A publish that a SendMessage handed to the transport without waiting for it, and what it was for.</summary>
internal readonly record struct PostedPublish(Task<long> Publish, string Server, string MessageHandler);

/// <summary>
/// Observes the publishes a loop of <c>SendMessage</c> calls hands to the transport without waiting (what each found:
/// listeners, nobody, a failure), each once, in the order they were made, as soon as it completes. One observer runs at
/// a time: it waits for the oldest publish that has not completed and then takes every completed one behind it, so a
/// pipelined burst costs a continuation per wait rather than one per message (a transport's tasks run their
/// continuations on the thread pool, each a work item of its own).
/// </summary>
internal sealed class PostedPublishes(PostedPublishes.Handler observed)
{
    public delegate void Handler(in PostedPublish post);

    private readonly ConcurrentQueue<PostedPublish> waiting = new();

    // 1 while an observer runs (on the thread that posted, or on the continuation of the publish it waits for).
    private int observing;

    /// <summary>Adds a publish; the handler given at construction is called with it once it has completed.</summary>
    public void Observe(in PostedPublish post)
    {
        waiting.Enqueue(post);
        if (Interlocked.CompareExchange(ref observing, 1, 0) == 0)
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
                    await ((Task)oldest.Publish).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }

                try
                {
                    observed(oldest);
                }
                catch (Exception)
                {
                    // What observing reports is logged; a logging provider that throws must not stop the observer.
                }
            }

            // Stop, unless a publish came in after the queue was found empty and its Observe saw this observer running.
            Volatile.Write(ref observing, 0);
            if (waiting.IsEmpty || Interlocked.CompareExchange(ref observing, 1, 0) != 0)
            {
                return;
            }
        }
    }
}
