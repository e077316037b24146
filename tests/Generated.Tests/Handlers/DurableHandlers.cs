using System.Collections.Concurrent;

namespace Switchboard.Generated.Tests.Handlers;

/// <summary>One order line, the payload of the durable handler.</summary>
public sealed record OrderLine(string Id, int Quantity);

/// <summary>Project Orders: a gateway handler declared durable, so its typed stub sends through the durable queue.</summary>
public static class DurableHandlers
{
    public static ConcurrentQueue<(string Gateway, OrderLine Line)> Placed { get; } = new();

    [MessageHandler("placeOrder", Project = "Orders", Delivery = DeliveryMode.Durable)]
    public static void PlaceOrder(OrderLine line, MessageContext context) => Placed.Enqueue((context.Gateway.Name, line));
}
