using System.Collections.Concurrent;
using Switchboard.Network;

namespace Switchboard.Tests;

/// <summary>
/// What a pipelined <c>SendMessage</c> does not wait for is still observed: every publish once, in the order made,
/// once it has completed, whatever it found (listeners, nobody, a failure), with one continuation per wait rather than
/// one per message.
/// </summary>
public sealed class PostedPublishesTests
{
    [Fact]
    public async Task EachPublishIsObservedOnceInOrderOnceItHasCompleted()
    {
        var seen = new ConcurrentQueue<(string Server, long? Listeners, string? Failure)>();
        var posts = new PostedPublishes((in PostedPublish post) =>
        {
            Assert.True(post.Publish.IsCompleted);
            seen.Enqueue(post.Publish.IsCompletedSuccessfully ? (post.Server, post.Publish.Result, null) : (post.Server, null, post.Publish.Exception!.InnerException!.Message));
        });
        var pending = Enumerable.Range(0, 5).Select(_ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();

        posts.Observe(new PostedPublish(Task.FromResult(1L), "done-before", "h"));
        for (var i = 0; i < pending.Length; i++)
        {
            posts.Observe(new PostedPublish(pending[i].Task, $"s{i}", "h"));
        }

        Assert.Single(seen);
        pending[1].SetResult(0); // Behind one that has not completed: waits for it.
        await Task.Delay(50);
        Assert.Single(seen);
        pending[0].SetResult(2);
        pending[2].SetException(new InvalidOperationException("down"));
        await WaitForAsync(() => seen.Count == 4);
        pending[4].SetResult(4);
        pending[3].SetResult(3);
        await WaitForAsync(() => seen.Count == 6);

        Assert.Equal(
            [("done-before", 1L, null), ("s0", 2L, null), ("s1", 0L, null), ("s2", null, "down"), ("s3", 3L, null), ("s4", 4L, null)],
            seen.ToArray());
    }

    [Fact]
    public async Task AnObserverThatThrowsDoesNotStopTheOthers()
    {
        var seen = new ConcurrentQueue<string>();
        var posts = new PostedPublishes((in PostedPublish post) =>
        {
            seen.Enqueue(post.Server);
            throw new InvalidOperationException("a logging provider failed");
        });
        var later = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);

        posts.Observe(new PostedPublish(Task.FromResult(1L), "a", "h"));
        posts.Observe(new PostedPublish(later.Task, "b", "h"));
        later.SetResult(1);
        await WaitForAsync(() => seen.Count == 2);
        posts.Observe(new PostedPublish(Task.FromResult(1L), "c", "h"));

        await WaitForAsync(() => seen.Count == 3);
        Assert.Equal(["a", "b", "c"], seen.ToArray());
    }

    [Fact]
    public async Task PublishesPostedFromManyThreadsAreEachObservedExactlyOnce()
    {
        const int Threads = 4, PerThread = 5_000;
        var counts = new int[Threads * PerThread];
        var posts = new PostedPublishes((in PostedPublish post) => Interlocked.Increment(ref counts[int.Parse(post.Server, System.Globalization.CultureInfo.InvariantCulture)]));

        await Task.WhenAll(Enumerable.Range(0, Threads).Select(thread => Task.Run(async () =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                var publish = i % 3 == 0 ? Task.FromResult(1L) : Task.Delay(i % 2).ContinueWith(_ => 1L, TaskScheduler.Default);
                posts.Observe(new PostedPublish(publish, (thread * PerThread + i).ToString(System.Globalization.CultureInfo.InvariantCulture), "h"));
                if (i % 500 == 0)
                {
                    await Task.Yield();
                }
            }
        })));

        await WaitForAsync(() => counts.Sum() == counts.Length);
        await Task.Delay(50);
        Assert.All(counts, count => Assert.Equal(1, count));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(5);
        }
    }
}
