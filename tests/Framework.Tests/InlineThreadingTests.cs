using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>
/// <see cref="HandlerThreading.Inline"/>: a gateway handler that runs on the sending thread before the send returns,
/// never fails the sender, answers a request without a thread hop, falls back to the shared pool where the stack runs
/// low, and runs as Shared in clients and sessions.
/// </summary>
public sealed class InlineThreadingTests
{
    [Fact]
    public async Task An_inline_gateway_handler_runs_on_the_sending_thread_before_SendMessage_returns()
    {
        int? ranOn = null;
        await using var gateway = new Gateway("g");
        gateway.AddProject(Handlers.Registry("X", Handlers.Of("X", "h", Scope.Gateway,
            (_, _) => ranOn = Environment.CurrentManagedThreadId, HandlerThreading.Inline)));

        var results = gateway.SendMessage("X", "h", scope: "G");

        Assert.EndsWith("sendStatus=SENT", Assert.Single(results));
        Assert.Equal(Environment.CurrentManagedThreadId, ranOn);
    }

    [Fact]
    public async Task A_request_to_an_inline_handler_is_answered_before_SendRequestAsync_returns()
    {
        await using var gateway = new Gateway("g");
        gateway.AddProject(Handlers.Registry("X", Handlers.Async("X", "add", Scope.Gateway,
            (payload, _, _) => ValueTask.FromResult<object?>((long)((IReadOnlyDictionary<string, object?>)payload!)["a"]! + 1),
            HandlerThreading.Inline, responseType: typeof(long))));

        var answer = gateway.SendRequestAsync<long>("X", "add", new Dictionary<string, object?> { ["a"] = 41L });

        Assert.True(answer.IsCompletedSuccessfully);
        Assert.Equal(42L, await answer);
    }

    [Fact]
    public async Task An_inline_handler_does_not_resume_on_a_UI_thread_that_blocks_on_its_answer()
    {
        using var ui = new SingleThreadSynchronizationContext();
        await using var gateway = new Gateway("g");
        gateway.AddProject(Handlers.Registry("X", Handlers.Async("X", "slow", Scope.Gateway, async (_, _, _) =>
        {
            await Task.Delay(10);
            return "done";
        }, HandlerThreading.Inline, responseType: typeof(string))));

        // Ignition-style script code blocks its UI thread on the answer; with the UI context captured by the handler's
        // await, its continuation would wait for that very thread until the request timed out.
        var answer = ui.Invoke(() => gateway.SendRequestAsync<string>("X", "slow", timeout: TimeSpan.FromSeconds(20)).Wait(TimeSpan.FromSeconds(10)));

        Assert.True(answer, "the request was not answered while the UI thread waited for it");
    }

    [Fact]
    public async Task A_failing_inline_handler_is_logged_not_thrown_to_a_send_and_fails_a_request()
    {
        var logs = new FakeLogCollector();
        await using var gateway = new Gateway("g", new GatewayOptions { LoggerFactory = new LoggerFactory([new FakeLoggerProvider(logs)]) });
        gateway.AddProject(Handlers.Registry("X", Handlers.Async("X", "boom", Scope.Gateway,
            (_, _, _) => throw new InvalidOperationException("boom"), HandlerThreading.Inline, responseType: typeof(string))));

        var results = gateway.SendMessage("X", "boom", scope: "G");
        var logged = logs.GetSnapshot();
        var failure = await Assert.ThrowsAsync<MessageHandlerFailedException>(() => gateway.SendRequestAsync<string>("X", "boom"));

        Assert.EndsWith("sendStatus=SENT", Assert.Single(results));
        Assert.IsType<InvalidOperationException>(Assert.Single(logged).Exception);
        Assert.IsType<InvalidOperationException>(failure.InnerException);
    }

    [Fact]
    public async Task An_inline_handler_that_sends_to_itself_deeply_goes_on_on_the_pool_instead_of_overflowing_the_stack()
    {
        const int Depth = 50_000;
        var ran = 0;
        var sawOtherThread = false;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sender = Environment.CurrentManagedThreadId;
        await using var gateway = new Gateway("g", new GatewayOptions { SharedQueueCapacity = Depth });
        gateway.AddProject(Handlers.Registry("X", Handlers.Of("X", "again", Scope.Gateway, (_, context) =>
        {
            sawOtherThread |= Environment.CurrentManagedThreadId != sender;
            if (Interlocked.Increment(ref ran) == Depth)
            {
                done.TrySetResult();
                return;
            }

            context.Gateway.SendMessage("X", "again", scope: "G");
        }, HandlerThreading.Inline)));

        gateway.SendMessage("X", "again", scope: "G");

        await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(Depth, Volatile.Read(ref ran));
        Assert.True(sawOtherThread, "the chain never left the sending thread, so the stack guard was never reached");
    }

    [Fact]
    public async Task Inline_threading_in_a_session_runs_as_shared_after_the_send_returns()
    {
        using var release = new ManualResetEventSlim();
        var finished = 0;
        await using var gateway = new Gateway("g");
        gateway.AddProject(Handlers.Registry("X", Handlers.Of("X", "h", Scope.Session, (_, _) =>
        {
            // Inline, this would hold the send for the whole wait, and the assertion after it would see it finished.
            release.Wait(TimeSpan.FromSeconds(30));
            Interlocked.Exchange(ref finished, 1);
        }, HandlerThreading.Inline)));
        gateway.OpenSession(new SessionIdentity { Project = "X" });

        var results = gateway.SendMessage("X", "h", scope: "S");

        Assert.EndsWith("sendStatus=SENT", Assert.Single(results));
        Assert.Equal(0, Volatile.Read(ref finished));
        release.Set();
        await Wait.UntilAsync(() => Volatile.Read(ref finished) == 1, "the session handler finished");
    }
}
