using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Network;

namespace Switchboard.Tests;

/// <summary>
/// What a pipelined <c>SendMessage</c> does not wait for is still observed: every publish once, in the order made,
/// once it has completed, whatever it found (listeners, nobody, a failure), with one continuation per wait rather than
/// one per message. A publish that stalls does not hold back the ones behind it. The clock is a fake one, so that
/// the stall limit passes only where a test moves it.
/// </summary>
public sealed class PostedPublishesTests
{
    private static readonly AsyncLocal<string?> Caller = new();

    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task EachPublishIsObservedOnceInOrderOnceItHasCompleted()
    {
        var seen = new ConcurrentQueue<(string Server, long? Listeners, string? Failure)>();
        var posts = new PostedPublishes((in PostedPublish post) =>
        {
            Assert.True(post.Publish.IsCompleted);
            seen.Enqueue(post.Publish.IsCompletedSuccessfully ? (post.Server, post.Publish.Result, null) : (post.Server, null, post.Publish.Exception!.InnerException!.Message));
        }, time);
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
        }, time);
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
        var posts = new PostedPublishes((in PostedPublish post) => Interlocked.Increment(ref counts[int.Parse(post.Server, System.Globalization.CultureInfo.InvariantCulture)]), time);

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

    // A transport need not complete its publishes in the order made (a user's, or a cluster's that routes channels to
    // different nodes): one that hangs must not keep what the later ones found from being observed.
    [Fact]
    public async Task APublishThatStallsDoesNotHoldBackTheOnesBehindItAndIsObservedOnceWhenItCompletes()
    {
        var seen = new ConcurrentQueue<string>();
        var posts = new PostedPublishes((in PostedPublish post) => seen.Enqueue(post.Server), time);
        var hung = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var behind = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);

        posts.Observe(new PostedPublish(hung.Task, "slow", "h"));
        posts.Observe(new PostedPublish(behind.Task, "gone", "h"));
        behind.SetResult(0);
        await Task.Delay(50);
        Assert.Empty(seen); // Within the stall limit the order holds.

        time.Advance(PostedPublishes.StallLimit);
        await WaitForAsync(() => seen.Count == 1);
        Assert.Equal(["gone"], seen.ToArray());

        posts.Observe(new PostedPublish(Task.FromResult(1L), "next", "h"));
        await WaitForAsync(() => seen.Count == 2);
        hung.SetResult(1);
        await WaitForAsync(() => seen.Count == 3);
        await Task.Delay(50);
        Assert.Equal(["gone", "next", "slow"], seen.ToArray());
    }

    // The observer reports the publishes of other sends than the one that started it: none of them is reported in
    // another send's execution context (its logging scopes, its Activity).
    [Fact]
    public async Task APublishIsNeverObservedInTheContextOfAnotherSend()
    {
        var seen = new ConcurrentDictionary<string, string?>();
        var posts = new PostedPublishes((in PostedPublish post) => seen[post.Server] = Caller.Value, time);
        var first = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);

        await Task.Run(() =>
        {
            Caller.Value = "send A";
            posts.Observe(new PostedPublish(first.Task, "a", "h"));
        });
        await Task.Run(() =>
        {
            Caller.Value = "send B";
            posts.Observe(new PostedPublish(second.Task, "b", "h"));
        });
        second.SetException(new InvalidOperationException("down"));
        first.SetResult(1);
        await WaitForAsync(() => seen.Count == 2);

        Assert.Null(seen["a"]);
        Assert.Null(seen["b"]);
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
