using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using System.Collections.Concurrent;
using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>Fire-and-forget, and the three threading modes.</summary>
public sealed class ThreadingTests
{
    [Fact]
    public async Task SendMessage_returns_once_queued_before_the_handler_runs()
    {
        var release = new ManualResetEventSlim();
        var finished = 0;
        await using var gateway = new Gateway("g");
        gateway.AddProject(Handlers.Registry("X", Handlers.Of("X", "h", Scope.Gateway, (_, _) =>
        {
            release.Wait();
            Interlocked.Exchange(ref finished, 1);
        })));

        var results = gateway.SendMessage("X", "h", scope: "G");

        Assert.EndsWith("sendStatus=SENT", Assert.Single(results));
        Assert.Equal(0, Volatile.Read(ref finished));
        release.Set();
        await Wait.UntilAsync(() => Volatile.Read(ref finished) == 1, "the handler finished");
    }

    [Fact]
    public async Task Shared_handlers_start_in_FIFO_order()
    {
        var started = new ConcurrentQueue<int>();
        await using var gateway = new Gateway("g", new GatewayOptions { SharedPoolSize = 1 });
        gateway.AddProject(Handlers.Registry("X", Handlers.Of("X", "h", Scope.Gateway, (payload, _) =>
            started.Enqueue((int)((IReadOnlyDictionary<string, object?>)payload!)["n"]!))));

        for (var i = 0; i < 100; i++)
        {
            gateway.SendMessage("X", "h", new Dictionary<string, object?> { ["n"] = i }, "G");
        }

        await Wait.UntilAsync(() => started.Count == 100, "all ran");
        Assert.Equal(Enumerable.Range(0, 100), started);
    }

    [Fact]
    public async Task Shared_handlers_run_concurrently_on_the_pool()
    {
        var running = 0;
        var bothRunning = new TaskCompletionSource();
        await using var gateway = new Gateway("g", new GatewayOptions { SharedPoolSize = 2 });
        gateway.AddProject(Handlers.Registry("X", Handlers.Async("X", "h", Scope.Gateway, async (_, _, _) =>
        {
            if (Interlocked.Increment(ref running) == 2)
            {
                bothRunning.TrySetResult();
            }

            await bothRunning.Task.WaitAsync(Wait.Bound);
            return null;
        })));

        gateway.SendMessage("X", "h", scope: "G");
        gateway.SendMessage("X", "h", scope: "G");

        await bothRunning.Task.WaitAsync(Wait.Bound);
    }

    [Fact]
    public async Task Dedicated_handlers_run_one_at_a_time_in_order_per_endpoint()
    {
        var seen = new ConcurrentDictionary<string, ConcurrentQueue<int>>();
        var concurrent = 0;
        var maxConcurrent = 0;
        await using var gateway = new Gateway("g", new GatewayOptions { SharedPoolSize = 4 });
        gateway.AddProject(Handlers.Registry("X", Handlers.Async("X", "h", Scope.Client, async (payload, context, _) =>
        {
            var now = Interlocked.Increment(ref concurrent);
            InterlockedMax(ref maxConcurrent, now);
            await Task.Yield();
            seen.GetOrAdd(context.Client!.SessionId, _ => new()).Enqueue((int)((IReadOnlyDictionary<string, object?>)payload!)["n"]!);
            Interlocked.Decrement(ref concurrent);
            return null;
        }, HandlerThreading.Dedicated)));
        await using var client = gateway.ConnectClient(new ClientIdentity { Project = "X", SessionId = "00000001" });

        for (var i = 0; i < 200; i++)
        {
            gateway.SendMessage("X", "h", new Dictionary<string, object?> { ["n"] = i }, "C");
        }

        await Wait.UntilAsync(() => seen.TryGetValue("00000001", out var queue) && queue.Count == 200, "all ran");
        Assert.Equal(Enumerable.Range(0, 200), seen["00000001"]);
        Assert.Equal(1, maxConcurrent);
    }

    [Fact]
    public async Task UI_handlers_run_on_the_clients_synchronization_context_in_order()
    {
        using var ui = new SingleThreadSynchronizationContext();
        var threads = new ConcurrentQueue<int>();
        var order = new ConcurrentQueue<int>();
        await using var gateway = new Gateway("g");
        gateway.AddProject(Handlers.Registry("X", Handlers.Of("X", "h", Scope.Client, (payload, _) =>
        {
            threads.Enqueue(Environment.CurrentManagedThreadId);
            order.Enqueue((int)((IReadOnlyDictionary<string, object?>)payload!)["n"]!);
        }, HandlerThreading.UI)));
        var client = ui.Invoke(() => gateway.ConnectClient(new ClientIdentity { Project = "X" }));

        for (var i = 0; i < 50; i++)
        {
            gateway.SendMessage("X", "h", new Dictionary<string, object?> { ["n"] = i }, "C");
        }

        await Wait.UntilAsync(() => order.Count == 50, "all ran");
        Assert.All(threads, id => Assert.Equal(ui.ThreadId, id));
        Assert.Equal(Enumerable.Range(0, 50), order);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task UI_handlers_without_a_synchronization_context_run_in_order_on_the_clients_own_lane()
    {
        var order = new ConcurrentQueue<int>();
        await using var gateway = new Gateway("g");
        gateway.AddProject(Handlers.Registry("X", Handlers.Of("X", "h", Scope.Client, (payload, _) =>
            order.Enqueue((int)((IReadOnlyDictionary<string, object?>)payload!)["n"]!), HandlerThreading.UI)));

        // The test runner installs a context of its own; connect from the thread pool, which has none.
        await using var client = await Task.Run(() => gateway.ConnectClient(new ClientIdentity { Project = "X" }));

        for (var i = 0; i < 50; i++)
        {
            gateway.SendMessage("X", "h", new Dictionary<string, object?> { ["n"] = i }, "C");
        }

        await Wait.UntilAsync(() => order.Count == 50, "all ran");
        Assert.Equal(Enumerable.Range(0, 50), order);
    }

    [Fact]
    public async Task A_throwing_handler_is_logged_and_stops_neither_its_endpoint_nor_others()
    {
        var logs = new FakeLogCollector();
        var good = 0;
        await using var gateway = new Gateway("g", new GatewayOptions { LoggerFactory = new LoggerFactory([new FakeLoggerProvider(logs)]), SharedPoolSize = 1 });
        gateway.AddProject(Handlers.Registry("X",
            Handlers.Of("X", "bad", Scope.Client | Scope.Gateway, (_, _) => throw new InvalidOperationException("boom")),
            Handlers.Of("X", "good", Scope.Client | Scope.Gateway, (_, _) => Interlocked.Increment(ref good))));
        await using var client = gateway.ConnectClient(new ClientIdentity { Project = "X" });

        gateway.SendMessage("X", "bad", scope: "CG");
        gateway.SendMessage("X", "good", scope: "CG");
        gateway.SendMessage("X", "bad", scope: "CG");
        gateway.SendMessage("X", "good", scope: "CG");

        await Wait.UntilAsync(() => Volatile.Read(ref good) == 4, "the good handler ran on both endpoints twice");
        await Wait.UntilAsync(() => logs.GetSnapshot().Count(line => line.Id.Id == 2) == 4, "four failures were logged");
        var failure = logs.GetSnapshot().First(line => line.Id.Id == 2);
        Assert.IsType<InvalidOperationException>(failure.Exception);
        Assert.Contains("\"bad\"", failure.Message);
    }

    [Fact]
    public async Task Session_handlers_receive_their_session()
    {
        var sessions = new ConcurrentBag<string>();
        await using var gateway = new Gateway("g");
        gateway.AddProject(Handlers.Registry("X", Handlers.Of("X", "test", Scope.Session, (_, context) =>
        {
            Assert.Equal(Scope.Session, context.Scope);
            Assert.Same(context.Endpoint, context.Session);
            Assert.Null(context.Client);
            sessions.Add(context.Session!.SessionId);
        })));
        await using var first = gateway.OpenSession(new SessionIdentity { Project = "X" });
        await using var second = gateway.OpenSession(new SessionIdentity { Project = "X" });

        gateway.SendMessage("X", "test", scope: "S");

        await Wait.UntilAsync(() => sessions.Count == 2, "both sessions ran the handler");
        Assert.Equal(new[] { first.SessionId, second.SessionId }.Order(), sessions.Order());
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
