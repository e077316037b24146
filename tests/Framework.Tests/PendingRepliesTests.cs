using Microsoft.Extensions.Time.Testing;
using Switchboard.Network;

namespace Switchboard.Tests;

/// <summary>The gateway network's messages waiting for a reply, on the core's deadline scheduler.</summary>
public sealed class PendingRepliesTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task AWaitLongerThanATimerCanTakeIsAcceptedAndLaterDeadlinesStillTimeOut()
    {
        using var replies = new PendingReplies(new NetworkStatistics(), time);

        // 60 days is more than a system timer's longest due time (about 49.7 days): it must neither throw nor leave
        // the scheduler believing it is armed for a deadline it never set.
        var distant = replies.Register(TimeSpan.FromDays(60));
        var soon = replies.Register(TimeSpan.FromMilliseconds(50));

        time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.Null(await soon.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(distant.Task.IsCompleted);
        Assert.Equal(1, replies.Count);
        replies.Forget(distant);
        Assert.Equal(0, replies.Count);
    }

    [Fact]
    public async Task AReplyBeforeTheDeadlineWinsAndTheDeadlineThenDoesNothing()
    {
        var statistics = new NetworkStatistics();
        using var replies = new PendingReplies(statistics, time);
        var pending = replies.Register(TimeSpan.FromSeconds(5));
        var reply = new Envelope { Kind = EnvelopeKinds.Reply, Id = pending.Id, Outcome = new WireOutcome(OutcomeCodes.Ok) };

        time.Advance(TimeSpan.FromSeconds(4));
        replies.Complete(reply);
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Same(reply, await pending.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, replies.Count);
    }

    [Fact]
    public async Task EachWaitTimesOutAtItsOwnDeadlineWhateverTheOrderTheyWereRegisteredIn()
    {
        using var replies = new PendingReplies(new NetworkStatistics(), time);
        var later = replies.Register(TimeSpan.FromSeconds(3));
        var sooner = replies.Register(TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await sooner.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(later.Task.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(await later.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, replies.Count);
    }
}
