using Switchboard;

namespace App;

public sealed record Order(string Id, int Quantity);

public static class Orders
{
    // Durable: its stub stores the message in the durable queue and reports QUEUED.
    [MessageHandler("placeOrder", Delivery = DeliveryMode.Durable)]
    public static void Place(Order payload)
    {
    }

    // Durable and answering requests: a send is durable, a request is a request.
    [MessageHandler("countOrders", Scope.Gateway, Delivery = DeliveryMode.Durable)]
    public static int Count() => 0;

    // Said out loud, the default: fire-and-forget.
    [MessageHandler("orderSeen", Scope.Client | Scope.Gateway, Delivery = DeliveryMode.FireAndForget)]
    public static void Seen(Order payload)
    {
    }
}
