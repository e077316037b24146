using Switchboard.Network;

namespace Switchboard.Tests;

/// <summary>The gateway network's shared deadline sweep for messages that wait for a reply.</summary>
public sealed class PendingRepliesTests
{
    [Fact]
    public async Task AWaitLongerThanATimerCanTakeIsAcceptedAndLaterDeadlinesStillTimeOut()
    {
        using var replies = new PendingReplies(new NetworkStatistics());

        // 60 days is more than a timer's longest due time (about 49.7 days): it must neither throw nor leave the
        // sweep believing it is armed for a deadline it never set.
        var distant = replies.Register(TimeSpan.FromDays(60));
        var soon = replies.Register(TimeSpan.FromMilliseconds(50));

        Assert.Null(await soon.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(distant.Task.IsCompleted);
        Assert.Equal(1, replies.Count);
        replies.Forget(distant);
        Assert.Equal(0, replies.Count);
    }
}
