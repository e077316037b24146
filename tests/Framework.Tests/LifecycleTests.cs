using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using System.Collections.Concurrent;
using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>Closing drains what was accepted; nothing accepted is lost.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task Disposing_the_gateway_runs_every_accepted_message_first()
    {
        var runs = 0;
        var gateway = new Gateway("g", new GatewayOptions { SharedPoolSize = 2 });
        gateway.AddProject(Handlers.Registry("X",
            Handlers.Async("X", "h", ScopeCode.All, async (_, _, _) =>
            {
                await Task.Delay(1);
                Interlocked.Increment(ref runs);
                return null;
            }),
            Handlers.Of("X", "d", ScopeCode.All, (_, _) => Interlocked.Increment(ref runs), HandlerThreading.Dedicated)));
        gateway.ConnectClient(new ClientIdentity { Project = "X" });
        gateway.OpenSession(new SessionIdentity { Project = "X" });

        var sent = 0;
        for (var i = 0; i < 100; i++)
        {
            sent += gateway.SendMessage("X", i % 2 == 0 ? "h" : "d").Count(result => result.EndsWith("SENT", StringComparison.Ordinal));
        }

        await gateway.DisposeAsync();

        Assert.Equal(300, sent);
        Assert.Equal(sent, runs);
        Assert.Equal(0, gateway.ClientCount + gateway.SessionCount);
    }

    [Fact]
    public async Task Disposing_a_client_drains_its_own_deliveries()
    {
        var runs = 0;
        await using var gateway = new Gateway("g");
        gateway.AddProject(Handlers.Registry("X", Handlers.Async("X", "h", Scope.Client, async (_, _, _) =>
        {
            await Task.Delay(2);
            Interlocked.Increment(ref runs);
            return null;
        }, HandlerThreading.Dedicated)));
        var client = gateway.ConnectClient(new ClientIdentity { Project = "X" });
        for (var i = 0; i < 20; i++)
        {
            gateway.SendMessage("X", "h", scope: "C");
        }

        await client.DisposeAsync();

        Assert.Equal(20, runs);
        Assert.True(client.IsClosed);
    }

    [Fact]
    public async Task A_second_dispose_waits_for_the_drain_the_first_started()
    {
        var release = new TaskCompletionSource();
        var finished = 0;
        var gateway = new Gateway("g");
        gateway.AddProject(Handlers.Registry("X", Handlers.Async("X", "h", Scope.Gateway, async (_, _, _) =>
        {
            await release.Task;
            Interlocked.Exchange(ref finished, 1);
            return null;
        })));
        gateway.SendMessage("X", "h", scope: "G");

        var first = gateway.DisposeAsync().AsTask();
        var second = gateway.DisposeAsync().AsTask();
        Assert.False(second.IsCompleted);
        release.SetResult();
        await second;

        Assert.Equal(1, finished);
        await first;
    }

    [Fact]
    public async Task A_drain_that_takes_too_long_gives_up_logs_and_cancels_the_handler()
    {
        var logs = new FakeLogCollector();
        var cancelled = new TaskCompletionSource();
        var gateway = new Gateway("g", new GatewayOptions { DrainTimeout = TimeSpan.FromMilliseconds(200), LoggerFactory = new LoggerFactory([new FakeLoggerProvider(logs)]) });
        gateway.AddProject(Handlers.Registry("X", Handlers.Async("X", "stuck", Scope.Gateway, async (_, _, token) =>
        {
            await using var registration = token.Register(() => cancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, token);
            return null;
        })));
        gateway.SendMessage("X", "stuck", scope: "G");

        await gateway.DisposeAsync();

        await cancelled.Task.WaitAsync(Wait.Bound);
        Assert.Contains(logs.GetSnapshot(), line => line.Id.Id == 5 && line.Message.Contains("1 accepted message(s) still pending"));
    }

    [Fact]
    public async Task Many_threads_sending_while_endpoints_come_and_go_run_exactly_what_was_SENT()
    {
        var invocations = 0;
        var gateway = new Gateway("g", new GatewayOptions { SharedPoolSize = 4 });
        gateway.AddProject(Handlers.Registry("X",
            Handlers.Of("X", "shared", ScopeCode.All, (_, _) => Interlocked.Increment(ref invocations)),
            Handlers.Of("X", "dedicated", ScopeCode.All, (_, _) => Interlocked.Increment(ref invocations), HandlerThreading.Dedicated)));
        var sent = 0;
        using var stop = new CancellationTokenSource();
        var users = new[] { "Bob", "Alice", "Carol" };

        var senders = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var report = await gateway.SendAsync("X", n % 2 == 0 ? "shared" : "dedicated", user: n % 3 == 0 ? users[n % users.Length] : null);
                Interlocked.Add(ref sent, report.CountOf(DeliveryStatus.Sent));
                n++;
            }
        })).ToArray();

        var churn = Enumerable.Range(0, 2).Select(worker => Task.Run(async () =>
        {
            var open = new Queue<AttachedEndpoint>();
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                AttachedEndpoint endpoint = n % 2 == 0
                    ? gateway.ConnectClient(new ClientIdentity { Project = "X", User = users[n % users.Length] })
                    : gateway.OpenSession(new SessionIdentity { Project = "X", User = users[n % users.Length] });
                open.Enqueue(endpoint);
                if (open.Count > 8)
                {
                    await open.Dequeue().DisposeAsync();
                }

                n++;
            }

            foreach (var endpoint in open)
            {
                await endpoint.DisposeAsync();
            }
        })).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await Task.WhenAll(senders.Concat(churn));
        await gateway.DisposeAsync();

        Assert.True(sent > 1000, $"the stress test should send plenty; it sent {sent}");
        Assert.Equal(sent, invocations);
    }
}
