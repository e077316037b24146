using System.Diagnostics;
using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>
/// Where a request's caller continues once its handler has answered: on the thread that ran a synchronous handler,
/// after that thread has stopped being one of its queue's drainers (no second thread-pool work item), and never inline
/// on a thread that merely completed what an asynchronous handler awaited.
/// </summary>
public sealed class RequestAnswerTests
{
    [Theory]
    [InlineData(HandlerThreading.Shared)]
    [InlineData(HandlerThreading.Dedicated)]
    public async Task A_synchronous_handlers_answer_continues_the_caller_on_the_handlers_thread_with_no_work_item_of_its_own(HandlerThreading threading)
    {
        using var gate = new ManualResetEventSlim();
        var handlerThread = 0;
        await using var gateway = new Gateway("g", new GatewayOptions { SharedPoolSize = 1 });
        gateway.AddProject(Handlers.Registry("X", Handlers.Async("X", "answer", Scope.Gateway, (_, _, _) =>
        {
            // Blocks until the caller's continuation is registered, so that the answer finds it waiting.
            gate.Wait(Wait.Bound);
            handlerThread = Environment.CurrentManagedThreadId;
            return ValueTask.FromResult<object?>(42);
        }, threading, responseType: typeof(int))));

        var request = gateway.SendRequestAsync<int>("X", "answer");
        var continued = request.ContinueWith(
            answered => (answered.Result, Environment.CurrentManagedThreadId, InsideADrainersRun()),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        gate.Set();

        var (value, thread, insideTheDrainersRun) = await continued.WaitAsync(Wait.Bound);
        Assert.Equal(42, value);
        Assert.Equal(handlerThread, thread);

        // Not a work item that merely landed on the same thread: the drainer's own run completed the task.
        Assert.True(insideTheDrainersRun);
    }

    [Theory]
    [InlineData(HandlerThreading.Shared)]
    [InlineData(HandlerThreading.Dedicated)]
    public async Task A_caller_continuing_on_the_handlers_thread_holds_no_place_in_its_queue(HandlerThreading threading)
    {
        // One worker (or a dedicated queue of one): the second request can only run if the thread that answered the
        // first has left its queue's count before it ran the caller's continuation, which blocks until that answer.
        using var gate = new ManualResetEventSlim();
        await using var gateway = new Gateway("g", new GatewayOptions { SharedPoolSize = 1 });
        var calls = 0;
        gateway.AddProject(Handlers.Registry("X", Handlers.Async("X", "count", Scope.Gateway, (_, _, _) =>
        {
            gate.Wait(Wait.Bound);
            return ValueTask.FromResult<object?>(Interlocked.Increment(ref calls));
        }, threading, responseType: typeof(int))));

        var first = gateway.SendRequestAsync<int>("X", "count");
        var continued = first.ContinueWith(
                _ => gateway.SendRequestAsync<int>("X", "count").GetAwaiter().GetResult(),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        gate.Set();

        Assert.Equal(2, await continued.WaitAsync(Wait.Bound));
    }

    [Fact]
    public async Task The_thread_that_completes_what_an_asynchronous_handler_awaits_does_not_run_the_caller()
    {
        // Continuations of this source run inline on the thread that completes it, as a user's often do: the handler
        // resumes there and answers there. The caller's continuation waits for that thread to have returned from
        // SetResult, which it never sees if it runs inside it.
        var release = new TaskCompletionSource<int>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var setResultReturned = new ManualResetEventSlim();
        await using var gateway = new Gateway("g");
        gateway.AddProject(Handlers.Registry("X", Handlers.Async("X", "later", Scope.Gateway, async (_, _, _) =>
        {
            started.TrySetResult();
            return await release.Task;
        }, responseType: typeof(int))));

        var request = gateway.SendRequestAsync<int>("X", "later");
        await started.Task.WaitAsync(Wait.Bound);
        var sawSetResultReturn = request.ContinueWith(
            _ => setResultReturned.Wait(TimeSpan.FromSeconds(2)),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        await Task.Run(() =>
        {
            release.SetResult(7);
            setResultReturned.Set();
        });

        Assert.True(await sawSetResultReturn.WaitAsync(Wait.Bound));
        Assert.Equal(7, await request);
    }

    private static bool InsideADrainersRun() =>
        new StackTrace().GetFrames().Any(frame => frame.GetMethod()?.DeclaringType == typeof(WorkQueue));
}
