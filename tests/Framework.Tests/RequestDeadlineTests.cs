using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>
/// A request's timeout and cancellation without a timer per request: the gateway's one deadline heap, the caller's
/// token, the handler's token, and where the caller's continuation runs. Where the timeout is the subject, the
/// gateway's clock is a <see cref="FakeTimeProvider"/> that the test advances.
/// </summary>
public sealed class RequestDeadlineTests : IAsyncLifetime
{
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource blocking = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<CancellationToken> hangTokens = new();
    private readonly FakeTimeProvider time = new();
    private Gateway gateway = null!;
    private int counted;

    public Task InitializeAsync()
    {
        // One worker, so that a blocked handler keeps every later request in the queue.
        gateway = new Gateway("agent-8088", new GatewayOptions { SharedPoolSize = 1, RequestTimeout = TimeSpan.FromMinutes(1), TimeProvider = time });
        gateway.AddProject(Handlers.Registry("X",
            Handlers.Async("X", "block", Scope.Gateway, async (_, _, _) =>
            {
                blocking.TrySetResult();
                await release.Task;
                return 0;
            }, responseType: typeof(int)),
            Handlers.Async("X", "count", Scope.Gateway, (_, _, _) => ValueTask.FromResult<object?>(Interlocked.Increment(ref counted)), responseType: typeof(int)),
            Handlers.Async("X", "hang", Scope.Gateway, async (_, _, token) =>
            {
                hangTokens.Enqueue(token);
                await Task.Delay(Timeout.Infinite, token);
                return 0;
            }, responseType: typeof(int)),
            Handlers.Async("X", "fail", Scope.Gateway, (_, _, _) => throw new InvalidOperationException("no luck"), responseType: typeof(int))));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        release.TrySetResult();
        await gateway.DisposeAsync();
    }

    [Fact]
    public async Task A_request_that_times_out_in_the_queue_is_answered_and_never_runs()
    {
        var blocker = gateway.SendRequestAsync<int>("X", "block");
        await blocking.Task.WaitAsync(Wait.Bound);

        var timed = gateway.SendRequestAsync<int>("X", "count", timeout: TimeSpan.FromMilliseconds(50));
        time.Advance(TimeSpan.FromMilliseconds(49));
        Assert.False(timed.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var error = await Assert.ThrowsAsync<RequestTimeoutException>(() => timed.WaitAsync(Wait.Bound));
        release.TrySetResult();
        await blocker.WaitAsync(Wait.Bound);

        // The queue is FIFO with one worker: this request runs after the timed-out one would have.
        Assert.Equal(1, await gateway.SendRequestAsync<int>("X", "count").WaitAsync(Wait.Bound));
        Assert.Equal(TimeSpan.FromMilliseconds(50), error.Timeout);
    }

    [Fact]
    public async Task A_request_cancelled_in_the_queue_is_cancelled_with_the_callers_token_and_never_runs()
    {
        var blocker = gateway.SendRequestAsync<int>("X", "block");
        await blocking.Task.WaitAsync(Wait.Bound);
        using var cancel = new CancellationTokenSource();
        var request = gateway.SendRequestAsync<int>("X", "count", cancellationToken: cancel.Token);

        await cancel.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request.WaitAsync(Wait.Bound));
        Assert.Equal(cancel.Token, error.CancellationToken);
        release.TrySetResult();
        await blocker.WaitAsync(Wait.Bound);
        Assert.Equal(1, await gateway.SendRequestAsync<int>("X", "count").WaitAsync(Wait.Bound));
    }

    [Fact]
    public async Task A_shorter_timeout_queued_after_a_longer_one_fires_first()
    {
        using var cancel = new CancellationTokenSource();
        var longer = gateway.SendRequestAsync<int>("X", "hang", timeout: TimeSpan.FromMinutes(10), cancellationToken: cancel.Token);
        await Wait.UntilAsync(() => !hangTokens.IsEmpty, "the first request runs");

        // Its deadline is earlier than the one the gateway's timer is armed for.
        var shorter = gateway.SendRequestAsync<int>("X", "count", timeout: TimeSpan.FromMilliseconds(50));
        time.Advance(TimeSpan.FromMilliseconds(50));
        var error = await Assert.ThrowsAsync<RequestTimeoutException>(() => shorter.WaitAsync(Wait.Bound));

        Assert.False(longer.IsCompleted);
        Assert.Equal(TimeSpan.FromMilliseconds(50), error.Timeout);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => longer.WaitAsync(Wait.Bound));
    }

    [Fact]
    public async Task The_handlers_token_is_signalled_on_timeout_and_on_caller_cancellation()
    {
        var timing = gateway.SendRequestAsync<int>("X", "hang", timeout: TimeSpan.FromMilliseconds(50));
        await Wait.UntilAsync(() => !hangTokens.IsEmpty, "the timed request runs");
        time.Advance(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAsync<RequestTimeoutException>(() => timing.WaitAsync(Wait.Bound));
        Assert.True(hangTokens.TryDequeue(out var timedOut));
        await Wait.UntilAsync(() => timedOut.IsCancellationRequested, "the timed-out handler is signalled");

        using var cancel = new CancellationTokenSource();
        var cancelled = gateway.SendRequestAsync<int>("X", "hang", timeout: Timeout.InfiniteTimeSpan, cancellationToken: cancel.Token);
        await Wait.UntilAsync(() => !hangTokens.IsEmpty, "the second request runs");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Wait.Bound));
        Assert.True(hangTokens.TryDequeue(out var byCaller));
        Assert.True(byCaller.IsCancellationRequested);
    }

    [Fact]
    public async Task Every_outcome_leaves_no_deadline_behind()
    {
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(i + 1, await gateway.SendRequestAsync<int>("X", "count").WaitAsync(Wait.Bound));
        }

        await Assert.ThrowsAsync<MessageHandlerFailedException>(() => gateway.SendRequestAsync<int>("X", "fail").WaitAsync(Wait.Bound));
        await Assert.ThrowsAsync<MessageHandlerNotFoundException>(() => gateway.SendRequestAsync<int>("X", "nope"));
        var timing = gateway.SendRequestAsync<int>("X", "hang", timeout: TimeSpan.FromMilliseconds(20));
        await Wait.UntilAsync(() => hangTokens.Count == 1, "the timed request runs");
        time.Advance(TimeSpan.FromMilliseconds(20));
        await Assert.ThrowsAsync<RequestTimeoutException>(() => timing.WaitAsync(Wait.Bound));
        using var cancel = new CancellationTokenSource();
        var cancelled = gateway.SendRequestAsync<int>("X", "hang", cancellationToken: cancel.Token);
        await Wait.UntilAsync(() => hangTokens.Count == 2, "the cancelled request runs");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Wait.Bound));

        Assert.Equal(0, gateway.Router.PendingRequestDeadlines);
    }

    [Fact]
    public async Task Racing_outcomes_each_complete_a_request_once_and_leave_no_deadline_behind()
    {
        await using var busy = new Gateway("busy", new GatewayOptions { SharedPoolSize = 4 });
        busy.AddProject(Handlers.Registry("Y",
            Handlers.Async("Y", "echo", Scope.Gateway, (_, _, _) => ValueTask.FromResult<object?>(1), responseType: typeof(int)),
            Handlers.Async("Y", "slow", Scope.Gateway, async (_, _, token) =>
            {
                await Task.Delay(1, token);
                return 1;
            }, responseType: typeof(int))));

        // Answers, timeouts and cancellations race each other; whichever wins, the caller sees exactly that.
        async Task<int> CallerAsync()
        {
            var outcomes = 0;
            for (var i = 0; i < 150; i++)
            {
                using var cancel = new CancellationTokenSource();
                var request = busy.SendRequestAsync<int>(
                    "Y", i % 2 == 0 ? "echo" : "slow", timeout: TimeSpan.FromMilliseconds(1 + (i % 3)), cancellationToken: cancel.Token);
                if (i % 5 == 0)
                {
                    await cancel.CancelAsync();
                }

                try
                {
                    outcomes += await request;
                }
                catch (RequestTimeoutException)
                {
                    outcomes++;
                }
                catch (OperationCanceledException error) when (error.CancellationToken == cancel.Token)
                {
                    outcomes++;
                }
            }

            return outcomes;
        }

        var callers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(CallerAsync))).WaitAsync(Wait.Bound);

        Assert.Equal(8 * 150, callers.Sum());
        Assert.Equal(0, busy.Router.PendingRequestDeadlines);
    }

    [Fact]
    public async Task A_caller_that_blocks_in_its_continuation_does_not_hold_up_the_shared_pool()
    {
        async Task<int> CallerAsync()
        {
            var first = await gateway.SendRequestAsync<int>("X", "count").ConfigureAwait(false);

            // Blocks this thread until the only worker answers again: that would never happen if this continuation
            // ran on that worker.
            var second = gateway.SendRequestAsync<int>("X", "count").GetAwaiter().GetResult();
            return first + second;
        }

        Assert.Equal(3, await Task.Run(CallerAsync).WaitAsync(Wait.Bound));
    }

    [Fact]
    public async Task A_request_span_is_the_parent_of_its_delivery_and_leaves_the_callers_activity_alone()
    {
        using var caller = new Activity("caller").SetIdFormat(ActivityIdFormat.W3C).Start();
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SwitchboardTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == caller.TraceId)
                {
                    stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        var request = gateway.SendRequestAsync<int>("X", "count");
        Assert.Same(caller, Activity.Current);
        await request.WaitAsync(Wait.Bound);

        await Wait.UntilAsync(() => stopped.Count >= 2, "the request and deliver spans stopped");
        var span = Assert.Single(stopped, activity => activity.OperationName == "switchboard.request");
        var deliver = Assert.Single(stopped, activity => activity.OperationName == "switchboard.deliver");
        Assert.Equal(span.TraceId, deliver.TraceId);
        Assert.Equal(span.SpanId, deliver.ParentSpanId);
        Assert.Equal(caller.SpanId, span.ParentSpanId);
    }
}
