using System.Collections.Concurrent;
using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>
/// A handler declared durable (<see cref="DeliveryMode.Durable"/>): which sends go to the gateway's durable queue, what
/// they report, what is refused and why. The queue here records what it was given, as the port's contract says; the
/// Redis queue that runs them is tested in Network.Tests.
/// </summary>
public sealed class DurableHandlerTests
{
    private const string Project = "X";

    [Fact]
    public async Task SendAsync_to_a_durable_gateway_handler_stores_it_for_this_gateway_and_reports_QUEUED()
    {
        var (gateway, queue, ran) = Start();
        await using var _ = gateway;

        var report = await gateway.SendAsync(Project, "order", new Dictionary<string, object?> { ["id"] = "A-1" });

        Assert.Equal(
            "type=Gateway,project=X,messageHandler=order,filterParams={hostName=, clientSessionId=, scope=CGS, user=, hasRole=},sendStatus=QUEUED",
            Assert.Single(report.ToStrings()));
        var stored = Assert.Single(queue.Messages);
        Assert.Equal(("agent-8088", "X", "order", "{\"id\":\"A-1\"}"), (stored.TargetGateway, stored.Project, stored.MessageHandler, stored.PayloadJson));
        Assert.Equal(EndpointKind.Gateway, stored.Sender.Kind);
        Assert.Empty(ran);
    }

    [Fact]
    public async Task SendAsync_with_remote_servers_stores_one_message_per_server_each_with_its_own_id()
    {
        var (gateway, queue, _) = Start();
        await using var _ = gateway;
        await using var client = gateway.ConnectClient(new ClientIdentity { Project = Project, User = "ann" });

        var report = await client.SendAsync(Project, "order", null, Scope.Gateway, remoteServers: ["agent-9000", "agent-9001"]);

        Assert.Equal(
            [
                "type=RemoteGateway,serverName=agent-9000,project=X,messageHandler=order,filterParams={hostName=, clientSessionId=, scope=G, user=, hasRole=},sendStatus=QUEUED",
                "type=RemoteGateway,serverName=agent-9001,project=X,messageHandler=order,filterParams={hostName=, clientSessionId=, scope=G, user=, hasRole=},sendStatus=QUEUED",
            ],
            report.ToStrings());
        Assert.Equal(["agent-9000", "agent-9001"], queue.Messages.Select(message => message.TargetGateway));
        Assert.Equal(2, queue.Messages.Select(message => message.Id).Distinct().Count());
        Assert.All(queue.Messages, message => Assert.Equal(("ann", EndpointKind.Client), (message.Sender.User, message.Sender.Kind)));
    }

    [Fact]
    public async Task A_typed_ref_declared_durable_sends_durably_even_from_a_gateway_without_the_project()
    {
        var queue = new RecordingQueue();
        await using var gateway = new Gateway("agent-8088");
        gateway.UseDurableQueue(queue);
        var order = new MessageHandlerRef<Dictionary<string, object?>>(Project, "order", Scope.Gateway, DeliveryMode.Durable);

        var report = await order.SendAsync(gateway, new Dictionary<string, object?> { ["id"] = 7 }, remoteServers: ["agent-9000"]);

        Assert.EndsWith("scope=G, user=, hasRole=},sendStatus=QUEUED", Assert.Single(report.ToStrings()), StringComparison.Ordinal);
        Assert.Equal(("agent-9000", "{\"id\":7}"), (Assert.Single(queue.Messages).TargetGateway, queue.Messages.Single().PayloadJson));
        Assert.Equal(DeliveryMode.Durable, order.Delivery);
    }

    [Fact]
    public async Task Fire_and_forget_handlers_and_sends_that_do_not_reach_the_gateway_are_sent_as_before()
    {
        var (gateway, queue, ran) = Start();
        await using var _ = gateway;

        var plain = await gateway.SendAsync(Project, "seen", null);
        var toClients = await gateway.SendAsync(Project, "order", null, Scope.Client);
        var strings = gateway.SendMessage(Project, "seen");

        Assert.Equal(
            "type=Gateway,project=X,messageHandler=seen,filterParams={hostName=, clientSessionId=, scope=CGS, user=, hasRole=},sendStatus=SENT",
            Assert.Single(plain.ToStrings()));
        Assert.Equal(plain.ToStrings(), strings);
        Assert.Empty(toClients.ToStrings());
        await Wait.UntilAsync(() => ran.Count == 2, "both fire-and-forget sends ran");
        Assert.Empty(queue.Messages);
    }

    [Fact]
    public async Task SendMessage_to_a_durable_handler_is_refused_and_stores_nothing()
    {
        var (gateway, queue, ran) = Start();
        await using var _ = gateway;

        var error = Assert.Throws<InvalidOperationException>(() => gateway.SendMessage(Project, "order"));

        Assert.Contains("declared durable", error.Message, StringComparison.Ordinal);
        Assert.Contains("SendAsync or the typed stub", error.Message, StringComparison.Ordinal);
        Assert.Empty(queue.Messages);
        Assert.Empty(ran);
    }

    [Fact]
    public async Task Without_a_durable_queue_a_send_to_a_durable_handler_throws_and_the_handler_does_not_run()
    {
        var ran = new ConcurrentQueue<string>();
        await using var gateway = new Gateway("agent-8088");
        gateway.AddProject(Registry(ran));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => gateway.SendAsync(Project, "order").AsTask());
        var typed = new MessageHandlerRef(Project, "order", Scope.Gateway, DeliveryMode.Durable);
        var typedError = await Assert.ThrowsAsync<InvalidOperationException>(() => typed.SendAsync(gateway).AsTask());

        Assert.Contains("UseDurableQueue", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseDurableQueue", typedError.Message, StringComparison.Ordinal);
        await Task.Delay(50);
        Assert.Empty(ran);
    }

    [Fact]
    public async Task AddProject_refuses_a_durable_handler_outside_gateway_scope_and_a_durable_name_declared_elsewhere_too()
    {
        await using var gateway = new Gateway("agent-8088");
        var ran = new ConcurrentQueue<string>();

        var inClients = Assert.Throws<ArgumentException>(() => gateway.AddProject(Handlers.Registry(
            Project, Durable(Handlers.Of(Project, "refresh", Scope.Client | Scope.Gateway, (_, _) => { })))));
        var twoScopes = Assert.Throws<ArgumentException>(() => gateway.AddProject(Handlers.Registry(
            Project,
            Durable(Handlers.Of(Project, "order", Scope.Gateway, (_, _) => { })),
            Handlers.Of(Project, "order", Scope.Session, (_, _) => { }))));
        var unknown = Assert.Throws<ArgumentException>(() => gateway.AddProject(Handlers.Registry(
            Project, Durable(Handlers.Of(Project, "odd", Scope.Gateway, (_, _) => { }), (DeliveryMode)9))));

        Assert.Contains("declared durable in scope CG", inClients.Message, StringComparison.Ordinal);
        Assert.Contains("SWB0021", inClients.Message, StringComparison.Ordinal);
        Assert.Contains("also in client or session scope", twoScopes.Message, StringComparison.Ordinal);
        Assert.Contains("delivery mode 9", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MessageHandlerRef(Project, "order", Scope.Gateway, (DeliveryMode)9));

        // The refused registries left nothing behind: the gateway still takes a valid one.
        gateway.AddProject(Registry(ran));
    }

    private static (Gateway Gateway, RecordingQueue Queue, ConcurrentQueue<string> Ran) Start()
    {
        var queue = new RecordingQueue();
        var ran = new ConcurrentQueue<string>();
        var gateway = new Gateway("agent-8088");
        gateway.AddProject(Registry(ran)).UseDurableQueue(queue);
        return (gateway, queue, ran);
    }

    /// <summary>order: a durable gateway handler; seen: a fire-and-forget one in every scope.</summary>
    private static ProjectRegistry Registry(ConcurrentQueue<string> ran) => Handlers.Registry(
        Project,
        Durable(Handlers.Of(Project, "order", Scope.Gateway, (_, _) => ran.Enqueue("order"))),
        Handlers.Of(Project, "seen", Scope.Client | Scope.Gateway | Scope.Session, (_, _) => ran.Enqueue("seen")));

    private static HandlerDescriptor Durable(HandlerDescriptor handler, DeliveryMode delivery = DeliveryMode.Durable) => new()
    {
        Project = handler.Project,
        Name = handler.Name,
        Scope = handler.Scope,
        Invoker = handler.Invoker,
        PayloadType = handler.PayloadType,
        Delivery = delivery,
    };

    /// <summary>An <see cref="IDurableQueue"/> that keeps what it is given, in order.</summary>
    private sealed class RecordingQueue : IDurableQueue
    {
        private readonly ConcurrentQueue<DurableMessage> messages = new();

        public IReadOnlyList<DurableMessage> Messages => messages.ToArray();

        public ValueTask EnqueueAsync(DurableMessage message, CancellationToken cancellationToken = default)
        {
            messages.Enqueue(message);
            return ValueTask.CompletedTask;
        }
    }
}
