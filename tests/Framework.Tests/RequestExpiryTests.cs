using Microsoft.Extensions.Time.Testing;

namespace Switchboard.Tests;

/// <summary>
/// A request whose deadline has passed is timed out by the worker that would run it, even when the gateway's
/// deadline timer has not fired yet (it runs on the thread pool, which is late exactly when the pool is busy).
/// </summary>
public sealed class RequestExpiryTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task APastDeadlineTimesTheRequestOutBeforeItsTimerFires()
    {
        // Never started: no deadline entry and no armed timer, so only TryExpire can time it out.
        var request = new RequestCompletion<int>("X", "slow", TimeSpan.FromSeconds(1), CancellationToken.None, Scheduler())
        {
            Deadline = time.GetTimestamp() - 1,
        };

        Assert.True(request.TryExpire());
        Assert.True(request.IsCompleted);
        var timeout = await Assert.ThrowsAsync<RequestTimeoutException>(() => request.Task);
        Assert.Contains("slow", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARequestBeforeItsDeadlineOrWithoutOneIsNotExpired()
    {
        var timed = new RequestCompletion<int>("X", "h", TimeSpan.FromSeconds(1), CancellationToken.None, Scheduler())
        {
            Deadline = time.GetTimestamp() + time.TimestampFrequency,
        };
        var endless = new RequestCompletion<int>("X", "h", Timeout.InfiniteTimeSpan, CancellationToken.None, Scheduler());

        Assert.False(timed.TryExpire());
        Assert.False(timed.IsCompleted);
        Assert.False(endless.TryExpire());
        Assert.False(endless.IsCompleted);
    }

    [Fact]
    public async Task AStartedRequestTimesOutWhenItsTimeoutHasPassedOnTheClockAndNotBefore()
    {
        var deadlines = Scheduler();
        var request = new RequestCompletion<int>("X", "slow", TimeSpan.FromSeconds(1), CancellationToken.None, deadlines);
        request.Start();

        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(request.IsCompleted);
        Assert.Equal(1, deadlines.Count);

        time.Advance(TimeSpan.FromMilliseconds(1));
        var timeout = await Assert.ThrowsAsync<RequestTimeoutException>(() => request.Task);
        Assert.Equal(TimeSpan.FromSeconds(1), timeout.Timeout);
        Assert.True(request.Token.IsCancellationRequested);
        Assert.Equal(0, deadlines.Count);
    }

    private DeadlineScheduler<RequestCompletion> Scheduler() => new(time, RequestCompletion.Expire);
}
