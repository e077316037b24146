namespace Switchboard;

/// <summary>
/// When a send goes the durable way, and the errors that say why one cannot: the one place these rules are written
/// for the typed stubs (<see cref="HandlerRef"/>), the string-based sends (<see cref="Endpoint"/>) and the router.
/// </summary>
internal static class DurableSends
{
    /// <summary>A send to a durable handler goes durably when its scope reaches the gateway, where the handler is.</summary>
    public static bool Applies(Scope scope) => (scope & Scope.Gateway) != 0;

    public static InvalidOperationException NoQueue(Gateway gateway) => new(
        $"{gateway} has no durable queue: call Gateway.UseDurableQueue (for Redis, RedisDurableQueue.AttachAsync) before sending durably.");

    public static InvalidOperationException NotBySendMessage(string project, string messageHandler) => new(
        $"The message handler \"{messageHandler}\" in project \"{project}\" is declared durable (Delivery = DeliveryMode.Durable), and SendMessage " +
        "returns before anything could be stored. Send with SendAsync or the typed stub, which wait for the durable queue and report QUEUED.");

    public static InvalidOperationException NeedsEndpoint(IMessageSender sender, string project, string messageHandler) => new(
        $"The message handler \"{messageHandler}\" in project \"{project}\" is declared durable, and {sender.GetType().Name} cannot send durably: " +
        "send from a Gateway, Client or Session whose gateway has a durable queue (Gateway.UseDurableQueue).");
}
