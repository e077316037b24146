using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>The statuses beyond Ignition's SENT: every target not queued says why.</summary>
public sealed class StatusTests
{
    [Fact]
    public async Task A_missing_handler_is_NO_HANDLER_and_logs_Ignitions_text()
    {
        var logs = new LogCollector();
        await using var gateway = new Gateway("agent-8088", new GatewayOptions { LoggerFactory = logs });
        gateway.AddProject(Handlers.Registry("X", Handlers.Of("X", "h", Scope.Client, (_, _) => { })));
        await using var client = gateway.ConnectClient(new ClientIdentity { Project = "X" });

        var report = await gateway.SendAsync("X", "h", scope: Scope.Client | Scope.Gateway);

        Assert.Equal([DeliveryStatus.NoHandler, DeliveryStatus.Sent], report.Select(result => result.Status));
        Assert.EndsWith("sendStatus=NO_HANDLER", report[0].ToString());
        Assert.Contains("The message handler \"h\" could not be found! (project \"X\", scope G)", logs.Messages);
    }

    [Fact]
    public async Task A_missing_handler_is_logged_once_per_send_naming_the_project_and_every_scope_that_lacked_it()
    {
        var logs = new LogCollector();
        await using var gateway = new Gateway("agent-8088", new GatewayOptions { LoggerFactory = logs });
        gateway.AddProject(Handlers.Registry("X", Handlers.Of("X", "other", Scope.Gateway, (_, _) => { })));
        await using var client1 = gateway.ConnectClient(new ClientIdentity { Project = "X" });
        await using var client2 = gateway.ConnectClient(new ClientIdentity { Project = "X" });
        await using var session = gateway.OpenSession(new SessionIdentity { Project = "X" });

        var report = await gateway.SendAsync("X", "h");

        Assert.Equal(4, report.Count);
        Assert.All(report, result => Assert.Equal(DeliveryStatus.NoHandler, result.Status));
        var line = Assert.Single(logs.Lines, line => line.EventId.Id == 1);
        Assert.Equal("The message handler \"h\" could not be found! (project \"X\", scope CGS)", line.Message);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, line.Level);
    }

    [Fact]
    public async Task An_unknown_project_reaches_the_gateway_as_NO_HANDLER()
    {
        await using var gateway = new Gateway("agent-8088");

        var results = gateway.SendMessage("Nope", "h");

        Assert.Equal(["type=Gateway,project=Nope,messageHandler=h,filterParams={hostName=, clientSessionId=, scope=CGS, user=, hasRole=},sendStatus=NO_HANDLER"], results);
    }

    [Fact]
    public async Task A_sender_without_the_required_role_is_DENIED_and_the_handler_does_not_run()
    {
        var runs = 0;
        await using var gateway = new Gateway("agent-8088");
        gateway.AddProject(Handlers.Registry("X",
            Handlers.Of("X", "secure", Scope.Gateway, (_, _) => Interlocked.Increment(ref runs), requiredRole: "Admin")));
        await using var operatorClient = gateway.ConnectClient(new ClientIdentity { Project = "X", Roles = ["Operator"] });
        await using var admin = gateway.ConnectClient(new ClientIdentity { Project = "X", Roles = ["admin"] });

        var denied = await operatorClient.SendAsync("X", "secure", scope: Scope.Gateway);
        var allowed = await admin.SendAsync("X", "secure", scope: Scope.Gateway);
        var fromGateway = await gateway.SendAsync("X", "secure", scope: Scope.Gateway);

        Assert.Equal(DeliveryStatus.Denied, Assert.Single(denied).Status);
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(allowed).Status);
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(fromGateway).Status);
        await Wait.UntilAsync(() => Volatile.Read(ref runs) == 2, "the two allowed sends ran");
        await gateway.DisposeAsync();
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task A_full_queue_is_QUEUE_FULL_and_everything_SENT_still_runs()
    {
        var started = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        var runs = 0;
        var gateway = new Gateway("agent-8088", new GatewayOptions { SharedPoolSize = 1, SharedQueueCapacity = 2 });
        gateway.AddProject(Handlers.Registry("X", Handlers.Of("X", "slow", Scope.Gateway, (_, _) =>
        {
            started.Set();
            release.Wait();
            Interlocked.Increment(ref runs);
        })));

        // The single worker takes the first message and blocks; two more fill the queue; the rest are refused.
        var first = await gateway.SendAsync("X", "slow", scope: Scope.Gateway);
        Assert.True(started.Wait(Wait.Bound), "the worker took the first message");
        var statuses = new List<DeliveryStatus> { Assert.Single(first).Status };
        for (var i = 0; i < 5; i++)
        {
            statuses.Add(Assert.Single(await gateway.SendAsync("X", "slow", scope: Scope.Gateway)).Status);
        }

        Assert.Equal(
            [DeliveryStatus.Sent, DeliveryStatus.Sent, DeliveryStatus.Sent, DeliveryStatus.QueueFull, DeliveryStatus.QueueFull, DeliveryStatus.QueueFull],
            statuses);
        release.Set();
        await gateway.DisposeAsync();
        Assert.Equal(3, runs);
    }

    [Fact]
    public async Task A_full_dedicated_queue_is_QUEUE_FULL_per_endpoint()
    {
        var started = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        await using var gateway = new Gateway("agent-8088", new GatewayOptions { DedicatedQueueCapacity = 1 });
        gateway.AddProject(Handlers.Registry("X", Handlers.Of("X", "slow", Scope.Client, (_, _) =>
        {
            started.Set();
            release.Wait();
        }, HandlerThreading.Dedicated)));
        await using var busy = gateway.ConnectClient(new ClientIdentity { Project = "X", SessionId = "00000001" });

        var statuses = new List<DeliveryStatus> { Assert.Single(await gateway.SendAsync("X", "slow", scope: Scope.Client)).Status };
        Assert.True(started.Wait(Wait.Bound), "the dedicated worker took the first message");
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(Assert.Single(await gateway.SendAsync("X", "slow", scope: Scope.Client)).Status);
        }

        // Another client has its own queue: not full.
        await using var idle = gateway.ConnectClient(new ClientIdentity { Project = "X", SessionId = "00000002" });
        var both = await gateway.SendAsync("X", "slow", scope: Scope.Client);
        release.Set();

        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Sent, DeliveryStatus.QueueFull, DeliveryStatus.QueueFull], statuses);
        Assert.Equal([DeliveryStatus.QueueFull, DeliveryStatus.Sent], both.Select(result => result.Status));
    }

    [Fact]
    public async Task Remote_servers_without_a_network_are_UNREACHABLE_never_SENT()
    {
        await using var gateway = new Gateway("agent-8088");

        var results = gateway.SendMessage("X", "h", remoteServers: ["agent-8088", "agent-9000"]);

        Assert.Equal(
        [
            "type=RemoteGateway,serverName=agent-8088,project=X,messageHandler=h,filterParams={hostName=, clientSessionId=, scope=CGS, user=, hasRole=},sendStatus=UNREACHABLE",
            "type=RemoteGateway,serverName=agent-9000,project=X,messageHandler=h,filterParams={hostName=, clientSessionId=, scope=CGS, user=, hasRole=},sendStatus=UNREACHABLE",
        ], results);
    }

    [Fact]
    public async Task A_closed_gateway_refuses_to_send()
    {
        var gateway = new Gateway("agent-8088");
        await gateway.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => gateway.SendMessage("X", "h"));
        Assert.Throws<ObjectDisposedException>(() => gateway.ConnectClient(new ClientIdentity { Project = "X" }));
    }

    [Theory]
    [InlineData("", "h")]
    [InlineData("X", " ")]
    public async Task Empty_project_or_handler_names_are_argument_errors(string project, string handler)
    {
        await using var gateway = new Gateway("agent-8088");

        Assert.ThrowsAny<ArgumentException>(() => gateway.SendMessage(project, handler));
    }

    [Fact]
    public void Out_of_range_options_are_rejected_naming_the_option()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Gateway("g", new GatewayOptions { SharedQueueCapacity = 0 }));
        Assert.Contains("SharedQueueCapacity", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Gateway("g", new GatewayOptions { RequestTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentException>(() => new Gateway(" "));
    }

    [Fact]
    public async Task Options_changed_after_the_gateway_was_made_do_not_reach_it()
    {
        var options = new GatewayOptions { RequestTimeout = TimeSpan.FromSeconds(5) };
        await using var gateway = new Gateway("g", options);

        options.RequestTimeout = TimeSpan.Zero;

        Assert.Equal(TimeSpan.FromSeconds(5), gateway.Options.RequestTimeout);
        Assert.NotSame(options, gateway.Options);
    }

    [Fact]
    public async Task Duplicate_handlers_in_one_scope_are_rejected_when_the_project_is_added()
    {
        await using var gateway = new Gateway("g");
        gateway.AddProject(Handlers.Registry("X", Handlers.Of("X", "h", Scope.Client | Scope.Gateway, (_, _) => { })));

        var error = Assert.Throws<ArgumentException>(() =>
            gateway.AddProject(Handlers.Registry("X", Handlers.Of("X", "h", Scope.Gateway, (_, _) => { }))));
        Assert.Contains("already has a Gateway handler named \"h\"", error.Message);
    }
}
