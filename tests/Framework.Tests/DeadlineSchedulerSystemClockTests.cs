using System.Diagnostics;

namespace Switchboard.Tests;

/// <summary>
/// On <see cref="TimeProvider.System"/> the deadline scheduler counts in <see cref="Environment.TickCount64"/>
/// milliseconds (a coarse clock, read in a few nanoseconds) instead of precise timestamps: deadlines still expire on
/// time, to within one tick of that clock.
/// </summary>
public sealed class DeadlineSchedulerSystemClockTests
{
    // The coarsest tick of Environment.TickCount64 on a supported platform (Windows' default timer resolution).
    private const long TickMilliseconds = 16;

    [Fact]
    public void The_system_clock_is_counted_in_TickCount64_milliseconds()
    {
        using var scheduler = new DeadlineScheduler<Entry>(TimeProvider.System, _ => { });

        var before = Environment.TickCount64;
        var now = scheduler.Now();
        Assert.InRange(now, before, Environment.TickCount64);

        var entry = new Entry();
        scheduler.Add(entry, TimeSpan.FromSeconds(2));
        Assert.InRange(entry.Deadline - now, 2_000, 2_000 + TickMilliseconds);
        Assert.InRange(scheduler.Until(entry.Deadline), TimeSpan.FromMilliseconds(2_000 - TickMilliseconds), TimeSpan.FromMilliseconds(2_000 + TickMilliseconds));
        Assert.False(scheduler.HasPassed(entry.Deadline));
        Assert.True(scheduler.HasPassed(now - 1));
        scheduler.Remove(entry);
    }

    [Fact]
    public void A_part_of_a_millisecond_rounds_up_and_the_longest_timeouts_never_come()
    {
        using var scheduler = new DeadlineScheduler<Entry>(TimeProvider.System, _ => { });
        var entry = new Entry();
        var before = scheduler.Now();

        scheduler.Add(entry, TimeSpan.FromTicks(1));
        Assert.InRange(entry.Deadline - before, 1, 1 + TickMilliseconds);
        scheduler.Remove(entry);

        scheduler.Add(entry, Timeout.InfiniteTimeSpan);
        Assert.Equal(long.MaxValue, entry.Deadline);
        Assert.Equal(0, scheduler.Count);

        // The longest timeout neither overflows into the past nor expires.
        scheduler.Add(entry, TimeSpan.MaxValue);
        Assert.True(entry.Deadline > before + (long)TimeSpan.FromDays(365 * 1000).TotalMilliseconds, $"deadline {entry.Deadline}");
        Assert.False(scheduler.HasPassed(entry.Deadline));
        scheduler.Remove(entry);
        Assert.Equal(0, scheduler.Count);
    }

    [Fact]
    public async Task An_entry_expires_after_its_timeout_less_at_most_one_tick()
    {
        var expired = new TaskCompletionSource<List<Entry>>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var scheduler = new DeadlineScheduler<Entry>(TimeProvider.System, entries => expired.TrySetResult([.. entries]));
        var entry = new Entry();
        var clock = Stopwatch.StartNew();

        scheduler.Add(entry, TimeSpan.FromMilliseconds(200));
        var entries = await expired.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Same(entry, Assert.Single(entries));
        Assert.True(clock.ElapsedMilliseconds >= 200 - TickMilliseconds, $"expired after {clock.ElapsedMilliseconds} ms");
        Assert.Equal(0, scheduler.Count);
    }

    private sealed class Entry : IScheduledDeadline
    {
        public long Deadline { get; set; } = long.MaxValue;

        public int DeadlineIndex { get; set; } = -1;
    }
}
