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
        var reply = new ReplyEnvelope { Id = pending.Id, Outcome = new WireOutcome(OutcomeCodes.Ok) };

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

    [Fact]
    public async Task PresenceLosingAGatewayFailsExactlyTheWaitersOnThatGateway()
    {
        using var replies = new PendingReplies(new NetworkStatistics(), time);
        var presence = new PresenceView(TimeSpan.FromSeconds(5), time);
        presence.Observe(Presence("agent-8088"));
        presence.Observe(Presence("agent-9000"));
        var onDead = replies.Register(TimeSpan.FromMinutes(1), "agent-8088");
        var alsoOnDead = replies.Register(TimeSpan.FromMinutes(1), "agent-8088");
        var onAlive = replies.Register(TimeSpan.FromMinutes(1), "agent-9000");
        var onNone = replies.Register(TimeSpan.FromMinutes(1));

        // agent-9000 keeps beating; agent-8088 falls silent for longer than the presence timeout.
        time.Advance(TimeSpan.FromSeconds(3));
        presence.Observe(Presence("agent-9000"));
        Assert.Equal(0, replies.FailSilent(presence));
        time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(2, replies.FailSilent(presence));
        var gone = await Assert.ThrowsAsync<GatewayGoneException>(() => onDead.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("no heartbeat for 6 s", gone.Message);
        await Assert.ThrowsAsync<GatewayGoneException>(() => alsoOnDead.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(onAlive.Task.IsCompleted);
        Assert.False(onNone.Task.IsCompleted);
        Assert.Equal(2, replies.Count);

        // Failed once: another sweep finds nothing, and a late reply is only counted.
        Assert.Equal(0, replies.FailSilent(presence));
        replies.Forget(onAlive);
        replies.Forget(onNone);
        Assert.Equal(0, replies.Count);
    }

    [Fact]
    public void AGatewayNeverHeardFromOrThatLeftIsNotFailedByTheSweep()
    {
        using var replies = new PendingReplies(new NetworkStatistics(), time);
        var presence = new PresenceView(TimeSpan.FromSeconds(5), time);
        presence.Observe(Presence("agent-8088"));
        presence.Observe(Presence("agent-8088", PresenceStates.Leaving));
        var onLeft = replies.Register(TimeSpan.FromMinutes(1), "agent-8088");
        var onUnknown = replies.Register(TimeSpan.FromMinutes(1), "agent-9000");

        // A gateway that left drains what it accepted and still answers; one never heard from is for the publish to judge.
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, replies.FailSilent(presence));
        Assert.False(onLeft.Task.IsCompleted);
        Assert.False(onUnknown.Task.IsCompleted);
    }

    private static PresenceEnvelope Presence(string gateway, string state = PresenceStates.Alive) =>
        new() { Gateway = gateway, Node = "node-" + gateway, State = state };
}
