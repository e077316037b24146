using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>Request-all: one result per selected target, with its answer or why there is none, gathered or streamed.</summary>
public sealed class RequestAllTests : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new();
    private readonly Gateway gateway;
    private readonly ConcurrentDictionary<string, CancellationToken> hanging = new();
    private readonly TaskCompletionSource slowGate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RequestAllTests()
    {
        // Deadlines run on a fake clock: only the timeout tests advance it, so no other test can meet a timeout.
        gateway = new("agent-8088", new GatewayOptions { RequestTimeout = TimeSpan.FromSeconds(30), TimeProvider = time });
    }

    public Task InitializeAsync()
    {
        gateway.AddProject(Handlers.Registry("X",
            // Gateway and session handlers that answer with who they are.
            Handlers.Async("X", "status", Scope.Gateway | Scope.Session, (_, context, _) =>
                ValueTask.FromResult<object?>(context.Session?.SessionId ?? "gateway"), responseType: typeof(string)),

            // A session handler whose answer depends on the session: ann fails, cy hangs until its token, others answer.
            Handlers.Async("X", "mixed", Scope.Session, async (_, context, token) =>
            {
                switch (context.Session!.User)
                {
                    case "ann":
                        throw new InvalidOperationException("ann's handler broke");
                    case "cy":
                        hanging[context.Session.SessionId] = token;
                        await Task.Delay(Timeout.Infinite, token);
                        return "never";
                    case "dee":
                        await slowGate.Task.WaitAsync(token);
                        return "dee, late";
                    default:
                        return context.Session.User;
                }
            }, responseType: typeof(string)),
            Handlers.Async("X", "admin", Scope.Session, (_, context, _) => ValueTask.FromResult<object?>(context.Session!.SessionId),
                requiredRole: "Admin", responseType: typeof(string)),
            Handlers.Of("X", "ping", Scope.Client | Scope.Session, (_, _) => { }),
            Handlers.Async("X", "number", Scope.Session, (_, _, _) => ValueTask.FromResult<object?>(7), responseType: typeof(int))));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Fact]
    public async Task Mixed_answers_failures_and_timeouts_come_back_as_partial_results_when_the_timeout_passes()
    {
        var bob = Open("bob");
        var ann = Open("ann");
        var cy = Open("cy");
        await using var client = gateway.ConnectClient(new ClientIdentity { Project = "X" });

        var asking = gateway.RequestAllAsync<string>("X", "mixed", scope: Scope.Client | Scope.Session, timeout: TimeSpan.FromSeconds(2)).AsTask();
        await Wait.UntilAsync(() => hanging.ContainsKey(cy.SessionId), "cy's handler runs");

        // A delivery stops being pending only after its answer is in its slot.
        await Wait.UntilAsync(() => bob.Pending.Count == 0 && ann.Pending.Count == 0, "bob's and ann's handlers have answered");
        Assert.False(asking.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        var report = await asking.WaitAsync(Wait.Bound);

        Assert.Equal(4, report.Count);
        var byTarget = report.ToDictionary(result => result.Target.SessionId!);
        Assert.Equal(RequestAllStatus.NotFound, byTarget[client.SessionId].Status);
        Assert.Equal(DeliveryStatus.NoHandler, byTarget[client.SessionId].Target.Status);
        Assert.Equal(RequestAllStatus.Answered, byTarget[bob.SessionId].Status);
        Assert.Equal("bob", byTarget[bob.SessionId].Response);
        var failed = byTarget[ann.SessionId];
        Assert.Equal(RequestAllStatus.Failed, failed.Status);
        var failure = Assert.IsType<MessageHandlerFailedException>(failed.Exception);
        Assert.Equal("ann's handler broke", Assert.IsType<InvalidOperationException>(failure.InnerException).Message);
        Assert.Equal(RequestAllStatus.TimedOut, byTarget[cy.SessionId].Status);
        Assert.Equal(DeliveryStatus.Sent, byTarget[cy.SessionId].Target.Status);
        Assert.False(report.AllAnswered);
        Assert.Equal(["bob"], report.Responses());

        // The handler that did not answer was told to stop.
        await Wait.UntilAsync(() => hanging[cy.SessionId].IsCancellationRequested, "cy's handler token is cancelled");
        Assert.EndsWith(",sendStatus=SENT,requestStatus=TIMED_OUT", byTarget[cy.SessionId].ToString());
        Assert.StartsWith($"type=Session,sessionId={cy.SessionId},", byTarget[cy.SessionId].ToString());
        Assert.Equal(0, gateway.Router.PendingRequestDeadlines);
    }

    [Fact]
    public async Task The_stream_yields_what_came_in_and_then_every_target_still_silent_as_timed_out()
    {
        var bob = Open("bob");
        var ann = Open("ann");
        var cy = Open("cy");
        var seen = new List<RequestAllResult<string>>();

        await foreach (var result in gateway.RequestAllStreamAsync<string>("X", "mixed", scope: Scope.Session, timeout: TimeSpan.FromSeconds(2)))
        {
            seen.Add(result);
            if (seen.Count == 2)
            {
                // bob and ann are in; cy hangs until the (fake) clock passes the deadline.
                await Wait.UntilAsync(() => hanging.ContainsKey(cy.SessionId), "cy's handler runs");
                time.Advance(TimeSpan.FromSeconds(2));
            }
        }

        Assert.Equal(3, seen.Count);
        var firstTwo = seen.Take(2).ToDictionary(result => result.Target.SessionId!, result => result.Status);
        Assert.Equal(RequestAllStatus.Answered, firstTwo[bob.SessionId]);
        Assert.Equal(RequestAllStatus.Failed, firstTwo[ann.SessionId]);
        Assert.Equal((cy.SessionId, RequestAllStatus.TimedOut), (seen[2].Target.SessionId!, seen[2].Status));
        await Wait.UntilAsync(() => hanging[cy.SessionId].IsCancellationRequested, "cy's handler token is cancelled");
    }

    [Fact]
    public async Task The_report_comes_as_soon_as_every_target_answered_in_selection_order()
    {
        var sessions = Enumerable.Range(0, 5).Select(i => Open("user" + i)).ToList();

        var report = await gateway.RequestAllAsync<string>("X", "status").AsTask().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(report.AllAnswered);
        Assert.Equal(["gateway", .. sessions.Select(session => session.SessionId)], report.Select(result => result.Response));
        Assert.Equal(DeliveryTargetType.Gateway, report[0].Target.Type);
        Assert.Equal(0, gateway.Router.PendingRequestDeadlines);
    }

    [Fact]
    public async Task The_stream_yields_each_answer_as_it_arrives()
    {
        var bob = Open("bob");
        var dee = Open("dee");
        var seen = new List<RequestAllResult<string>>();

        await foreach (var result in gateway.RequestAllStreamAsync<string>("X", "mixed", scope: Scope.Session, timeout: TimeSpan.FromSeconds(20)))
        {
            seen.Add(result);
            if (seen.Count == 1)
            {
                // dee is still waiting on the gate: bob's answer came first, on its own.
                Assert.Equal(bob.SessionId, result.Target.SessionId);
                Assert.Equal("bob", result.Response);
                slowGate.SetResult();
            }
        }

        Assert.Equal([bob.SessionId, dee.SessionId], seen.Select(result => result.Target.SessionId));
        Assert.Equal("dee, late", seen[1].Response);
    }

    [Fact]
    public async Task Cancelling_stops_the_wait_and_cancels_the_handlers_tokens()
    {
        var cy = Open("cy");
        using var cancellation = new CancellationTokenSource();

        var asking = gateway.RequestAllAsync<string>("X", "mixed", cancellationToken: cancellation.Token).AsTask();
        await Wait.UntilAsync(() => hanging.ContainsKey(cy.SessionId), "cy's handler runs");
        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => asking);
        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.True(hanging[cy.SessionId].IsCancellationRequested);
        Assert.Equal(0, gateway.Router.PendingRequestDeadlines);
    }

    [Fact]
    public async Task Cancelling_a_stream_throws_the_callers_cancellation_and_cancels_the_handlers()
    {
        Open("bob");
        var cy = Open("cy");
        using var cancellation = new CancellationTokenSource();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var result in gateway.RequestAllStreamAsync<string>("X", "mixed", scope: Scope.Session, cancellationToken: cancellation.Token))
            {
                Assert.Equal("bob", result.Response);
                await Wait.UntilAsync(() => hanging.ContainsKey(cy.SessionId), "cy's handler runs");
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.True(hanging[cy.SessionId].IsCancellationRequested);
    }

    [Fact]
    public async Task Leaving_a_stream_early_cancels_the_handlers_still_running()
    {
        var cy = Open("cy");
        Open("bob");

        await foreach (var result in gateway.RequestAllStreamAsync<string>("X", "mixed", scope: Scope.Session))
        {
            await Wait.UntilAsync(() => hanging.ContainsKey(cy.SessionId), "cy's handler runs");
            break;
        }

        Assert.True(hanging[cy.SessionId].IsCancellationRequested);
        Assert.Equal(0, gateway.Router.PendingRequestDeadlines);
    }

    [Fact]
    public async Task Targets_whose_handler_the_sender_may_not_call_are_denied_and_do_not_run()
    {
        var plain = Open("bob");
        var admin = gateway.OpenSession(new SessionIdentity { Project = "X", User = "root", Roles = ["Admin"] });

        var fromPlain = await plain.RequestAllAsync<string>("X", "admin", scope: Scope.Session);
        var fromAdmin = await admin.RequestAllAsync<string>("X", "admin", scope: Scope.Session);

        Assert.All(fromPlain, result =>
        {
            Assert.Equal(RequestAllStatus.Denied, result.Status);
            Assert.Equal(DeliveryStatus.Denied, result.Target.Status);
            Assert.Null(result.Response);
        });
        Assert.Equal(2, fromPlain.CountOf(RequestAllStatus.Denied));
        Assert.True(fromAdmin.AllAnswered);
        Assert.Equal([plain.SessionId, admin.SessionId], fromAdmin.Responses());
    }

    [Fact]
    public async Task Ten_thousand_sessions_each_answer_once()
    {
        const int count = 10_000;
        var sessions = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            sessions.Add(Open("user" + i).SessionId);
        }

        var report = await gateway.RequestAllAsync<string>("X", "status", scope: Scope.Session, timeout: TimeSpan.FromMinutes(2));

        Assert.Equal(count, report.Count);
        Assert.True(report.AllAnswered);
        Assert.All(report, result => Assert.Equal(result.Target.SessionId, result.Response));
        Assert.True(sessions.SetEquals(report.Select(result => result.Response!)));
    }

    [Fact]
    public async Task A_handler_that_returns_nothing_answers_default_and_a_wrong_type_is_a_failure()
    {
        Open("bob");

        var voids = await gateway.RequestAllAsync<int>("X", "ping", scope: Scope.Session);
        var wrong = await gateway.RequestAllAsync<string>("X", "number", scope: Scope.Session);

        Assert.Equal(RequestAllStatus.Answered, Assert.Single(voids).Status);
        Assert.Equal(0, voids[0].Response);
        var failed = Assert.Single(wrong);
        Assert.Equal(RequestAllStatus.Failed, failed.Status);
        Assert.IsType<InvalidCastException>(failed.Exception);
    }

    [Fact]
    public async Task A_request_all_that_selects_nothing_returns_an_empty_report_at_once()
    {
        var report = await gateway.RequestAllAsync<string>("X", "status", user: "nobody").AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(report);
        Assert.False(report.AllAnswered);
    }

    [Fact]
    public async Task Bad_arguments_throw_before_anything_is_queued()
    {
        Open("bob");

#pragma warning disable SWB0010, SWB0003 // The analyzers catch these at compile time; the run-time checks are the subject.
        await Assert.ThrowsAsync<ArgumentException>(async () => await gateway.RequestAllAsync<string>("X", " "));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await gateway.RequestAllAsync<string>("X", "status", timeout: TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentException>(async () => await gateway.RequestAllAsync<string>("X", "status", scope: (Scope)8));

        // The streaming form checks its arguments at the call, before it is enumerated, as the gathered form does.
        Assert.Throws<ArgumentException>(() => gateway.RequestAllStreamAsync<string>("X", " "));
        Assert.Throws<ArgumentException>(() => gateway.RequestAllStreamAsync<string>("X", "status", scope: (Scope)8));
#pragma warning restore SWB0010, SWB0003
        Assert.Equal(0, gateway.Router.PendingRequestDeadlines);
    }

    private Session Open(string user) => gateway.OpenSession(new SessionIdentity { Project = "X", User = user });
}
