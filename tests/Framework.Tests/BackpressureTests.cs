using System.Collections.Concurrent;
using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>
/// <see cref="QueueFullMode"/>: an awaited send waits for room in full queues (the default), honours its cancellation
/// token while it waits, and leaves what it already queued consistent; <c>SendMessage</c> and
/// <see cref="QueueFullMode.Report"/> report <c>QUEUE_FULL</c> at once.
/// </summary>
public sealed class BackpressureTests
{
    [Fact]
    public void Waiting_is_the_default()
    {
        Assert.Equal(QueueFullMode.Wait, new GatewayOptions().QueueFullMode);
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new Gateway("g", new GatewayOptions { QueueFullMode = (QueueFullMode)7 }));
        Assert.Contains(nameof(GatewayOptions.QueueFullMode), error.Message);
    }

    [Fact]
    public async Task Eight_senders_that_outrun_their_handlers_wait_instead_of_losing_messages_and_every_SENT_delivery_runs_once()
    {
        // Small queues, so that senders find them full all the time, while clients and sessions attach and detach.
        const int Senders = 8;
        const int SendsPerSender = 1_500;
        var ran = new ConcurrentDictionary<(string Endpoint, int Id), int>();
        var gateway = new Gateway("g", new GatewayOptions { SharedPoolSize = 2, SharedQueueCapacity = 16, DedicatedQueueCapacity = 4 });
        void Record(object? payload, MessageContext context) =>
            ran.AddOrUpdate(((context.Endpoint as AttachedEndpoint)?.SessionId ?? "gateway", (int)payload!), 1, (_, runs) => runs + 1);
        gateway.AddProject(Handlers.Registry(
            "X",
            Handlers.Of("X", "h", Scope.Gateway, Record, payloadType: typeof(object)),
            Handlers.Of("X", "h", Scope.Client, Record, HandlerThreading.Dedicated, payloadType: typeof(object)),
            Handlers.Of("X", "h", Scope.Session, Record, payloadType: typeof(object))));
        var sent = new ConcurrentBag<(string Endpoint, int Id)>();
        var notSent = new ConcurrentBag<DeliveryResult>();
        using var stop = new CancellationTokenSource();

        var churn = Task.Run(async () =>
        {
            var round = 0;
            while (!stop.IsCancellationRequested)
            {
                await using var client = gateway.ConnectClient(new ClientIdentity { Project = "X" });
                await using var session = gateway.OpenSession(new SessionIdentity { Project = "X" });
                await Task.Delay(round++ % 3);
            }
        });
        await using var steadyClient = gateway.ConnectClient(new ClientIdentity { Project = "X" });
        await using var steadySession = gateway.OpenSession(new SessionIdentity { Project = "X" });

        var senders = Enumerable.Range(0, Senders).Select(sender => Task.Run(async () =>
        {
            for (var i = 0; i < SendsPerSender; i++)
            {
                var id = (sender * SendsPerSender) + i;
                foreach (var result in await gateway.SendAsync("X", "h", id, Scope.Client | Scope.Gateway | Scope.Session))
                {
                    if (result.Status == DeliveryStatus.Sent)
                    {
                        sent.Add((result.SessionId ?? "gateway", id));
                    }
                    else
                    {
                        notSent.Add(result);
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(senders).WaitAsync(4 * Wait.Bound);
        await stop.CancelAsync();
        await churn.WaitAsync(Wait.Bound);
        await steadyClient.DisposeAsync();
        await steadySession.DisposeAsync();
        await gateway.DisposeAsync();

        Assert.Empty(notSent);
        Assert.Equal(Senders * SendsPerSender * 3, sent.Count(delivery => delivery.Endpoint == steadyClient.SessionId
            || delivery.Endpoint == steadySession.SessionId || delivery.Endpoint == "gateway"));
        Assert.Equal(sent.Count, sent.Distinct().Count());
        Assert.Equal(sent.OrderBy(delivery => delivery).ToArray(), ran.Keys.OrderBy(delivery => delivery).ToArray());
        Assert.All(ran.Values, runs => Assert.Equal(1, runs));
    }

    [Fact]
    public async Task A_waiting_send_completes_once_a_handler_frees_room()
    {
        using var release = new ManualResetEventSlim();
        var (gateway, started, runs) = BlockedGateway(release);
        await using var _ = gateway;
        await gateway.SendAsync("X", "slow", scope: Scope.Gateway);
        Assert.True(started.Wait(Wait.Bound), "the worker took the first message");
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await gateway.SendAsync("X", "slow", scope: Scope.Gateway)).Status);

        var waiting = gateway.SendAsync("X", "slow", scope: Scope.Gateway).AsTask();
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        release.Set();

        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await waiting.WaitAsync(Wait.Bound)).Status);
        await Wait.UntilAsync(() => runs() == 3, "all three ran");
    }

    [Fact]
    public async Task Cancelling_a_waiting_send_throws_and_queues_nothing_more()
    {
        using var release = new ManualResetEventSlim();
        var (gateway, started, runs) = BlockedGateway(release);
        await gateway.SendAsync("X", "slow", scope: Scope.Gateway);
        Assert.True(started.Wait(Wait.Bound), "the worker took the first message");
        await gateway.SendAsync("X", "slow", scope: Scope.Gateway);
        using var cancel = new CancellationTokenSource();

        var waiting = gateway.SendAsync("X", "slow", scope: Scope.Gateway, cancellationToken: cancel.Token).AsTask();
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Wait.Bound));
        release.Set();
        await gateway.DisposeAsync();
        Assert.Equal(2, runs());
    }

    [Fact]
    public async Task A_cancelled_send_keeps_what_it_queued_for_targets_that_had_room()
    {
        // The gateway has room; the one client's dedicated queue is full. Cancelling the wait for the client leaves the
        // gateway's delivery queued, and it runs.
        using var release = new ManualResetEventSlim();
        using var clientStarted = new ManualResetEventSlim();
        var gatewayRuns = 0;
        var clientRuns = 0;
        var gateway = new Gateway("g", new GatewayOptions { DedicatedQueueCapacity = 1 });
        gateway.AddProject(Handlers.Registry(
            "X",
            Handlers.Of("X", "h", Scope.Gateway, (_, _) => Interlocked.Increment(ref gatewayRuns)),
            Handlers.Of("X", "h", Scope.Client, (_, _) =>
            {
                clientStarted.Set();
                release.Wait();
                Interlocked.Increment(ref clientRuns);
            }, HandlerThreading.Dedicated)));
        var client = gateway.ConnectClient(new ClientIdentity { Project = "X" });
        await gateway.SendAsync("X", "h", scope: Scope.Client);
        Assert.True(clientStarted.Wait(Wait.Bound), "the client's worker took the first message");
        await gateway.SendAsync("X", "h", scope: Scope.Client);
        using var cancel = new CancellationTokenSource();

        var waiting = gateway.SendAsync("X", "h", scope: Scope.Client | Scope.Gateway, cancellationToken: cancel.Token).AsTask();
        await Wait.UntilAsync(() => Volatile.Read(ref gatewayRuns) == 1, "the gateway's delivery ran while the client's waited");
        Assert.False(waiting.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Wait.Bound));
        release.Set();
        await client.DisposeAsync();
        await gateway.DisposeAsync();
        Assert.Equal(1, gatewayRuns);
        Assert.Equal(2, clientRuns);
    }

    [Fact]
    public async Task A_client_that_closes_while_a_send_waits_for_it_is_left_out_of_the_report()
    {
        using var release = new ManualResetEventSlim();
        using var clientStarted = new ManualResetEventSlim();
        var gateway = new Gateway("g", new GatewayOptions { DedicatedQueueCapacity = 1 });
        await using var _ = gateway;
        gateway.AddProject(Handlers.Registry(
            "X",
            Handlers.Of("X", "h", Scope.Gateway, (_, _) => { }),
            Handlers.Of("X", "h", Scope.Client, (_, _) =>
            {
                clientStarted.Set();
                release.Wait();
            }, HandlerThreading.Dedicated)));
        var client = gateway.ConnectClient(new ClientIdentity { Project = "X" });
        await gateway.SendAsync("X", "h", scope: Scope.Client);
        Assert.True(clientStarted.Wait(Wait.Bound), "the client's worker took the first message");
        await gateway.SendAsync("X", "h", scope: Scope.Client);

        var waiting = gateway.SendAsync("X", "h", scope: Scope.Client | Scope.Gateway).AsTask();
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        var closing = client.DisposeAsync();
        release.Set();
        await closing;

        var report = await waiting.WaitAsync(Wait.Bound);
        Assert.Equal(DeliveryTargetType.Gateway, Assert.Single(report).Type);
        Assert.Equal(DeliveryStatus.Sent, report[0].Status);
    }

    [Fact]
    public async Task SendMessage_reports_QUEUE_FULL_at_once_even_in_Wait_mode()
    {
        using var release = new ManualResetEventSlim();
        var (gateway, started, runs) = BlockedGateway(release);
        gateway.SendMessage("X", "slow", scope: "G");
        Assert.True(started.Wait(Wait.Bound), "the worker took the first message");
        Assert.EndsWith("sendStatus=SENT", Assert.Single(gateway.SendMessage("X", "slow", scope: "G")), StringComparison.Ordinal);

        Assert.EndsWith("sendStatus=QUEUE_FULL", Assert.Single(gateway.SendMessage("X", "slow", scope: "G")), StringComparison.Ordinal);
        release.Set();
        await gateway.DisposeAsync();
        Assert.Equal(2, runs());
    }

    // One worker, room for one waiting message, and a handler that blocks until released.
    private static (Gateway Gateway, ManualResetEventSlim Started, Func<int> Runs) BlockedGateway(ManualResetEventSlim release)
    {
        var started = new ManualResetEventSlim();
        var runs = 0;
        var gateway = new Gateway("g", new GatewayOptions { SharedPoolSize = 1, SharedQueueCapacity = 1 });
        gateway.AddProject(Handlers.Registry("X", Handlers.Of("X", "slow", Scope.Gateway, (_, _) =>
        {
            started.Set();
            release.Wait();
            Interlocked.Increment(ref runs);
        })));
        return (gateway, started, () => Volatile.Read(ref runs));
    }
}
