using System.Collections.Concurrent;
using System.Reflection;
using Switchboard.Generated.Tests.Handlers;

namespace Switchboard.Generated.Tests;

/// <summary>A handler declared <c>Delivery = DeliveryMode.Durable</c>, as the generator wrote it: descriptor, field, manifest and stub.</summary>
public sealed class DurableStubTests
{
    [Fact]
    public void The_descriptor_field_and_manifest_carry_the_delivery_mode_and_fire_and_forget_handlers_keep_the_default()
    {
        Assert.Equal(DeliveryMode.Durable, Assert.Single(OrdersMessages.Registry.Handlers).Delivery);
        Assert.Equal(DeliveryMode.Durable, OrdersMessages.PlaceOrder.Delivery);
        Assert.All(E2EMessages.Registry.Handlers, handler => Assert.Equal(DeliveryMode.FireAndForget, handler.Delivery));
        Assert.Equal(DeliveryMode.FireAndForget, E2EMessages.Reading.Delivery);
        var manifest = typeof(OrdersMessages).Assembly.GetCustomAttributes<MessageHandlerManifestAttribute>().ToList();
        Assert.Equal(DeliveryMode.Durable, manifest.Single(entry => entry.Project == "Orders").Delivery);
        Assert.All(manifest.Where(entry => entry.Project == "E2E"), entry => Assert.Equal(DeliveryMode.FireAndForget, entry.Delivery));
    }

    [Fact]
    public async Task The_typed_stub_stores_the_message_reports_QUEUED_and_the_stored_message_runs_the_handler_with_its_payload()
    {
        var queue = new RecordingQueue();
        await using var gateway = new Gateway("orders-" + Guid.NewGuid().ToString("N"));
        gateway.AddProject(OrdersMessages.Registry).UseDurableQueue(queue);

        var report = await gateway.SendPlaceOrderAsync(new OrderLine("A-1", 3));

        Assert.Equal(
            "type=Gateway,project=Orders,messageHandler=placeOrder,filterParams={hostName=, clientSessionId=, scope=G, user=, hasRole=},sendStatus=QUEUED",
            Assert.Single(report.ToStrings()));
        var stored = Assert.Single(queue.Messages);
        Assert.DoesNotContain(DurableHandlers.Placed, placed => placed.Gateway == gateway.Name);

        // What a durable queue does when it reads the message: run it, then acknowledge.
        await gateway.RunDurableAsync(stored);

        Assert.Equal(new OrderLine("A-1", 3), Assert.Single(DurableHandlers.Placed, placed => placed.Gateway == gateway.Name).Line);
    }

    [Fact]
    public async Task The_typed_stub_to_remote_servers_stores_one_message_per_gateway()
    {
        var queue = new RecordingQueue();
        await using var gateway = new Gateway("orders-" + Guid.NewGuid().ToString("N"));
        gateway.UseDurableQueue(queue);

        var report = await gateway.SendPlaceOrderAsync(new OrderLine("B-2", 1), remoteServers: ["plant-a", "plant-b"]);

        Assert.All(report.ToStrings(), line => Assert.EndsWith("sendStatus=QUEUED", line, StringComparison.Ordinal));
        Assert.Equal(["plant-a", "plant-b"], queue.Messages.Select(message => message.TargetGateway));
    }

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
