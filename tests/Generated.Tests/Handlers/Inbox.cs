using System.Collections.Concurrent;

namespace Switchboard.Generated.Tests.Handlers;

/// <summary>One handler run, as the handler saw it.</summary>
public sealed record Delivery(string Handler, Scope Scope, string Endpoint, object? Payload, string? Note = null);

/// <summary>
/// What handlers received, kept per gateway name so that tests (each with its own gateway) can run in parallel.
/// Tests close the gateway before reading, which drains every accepted message.
/// </summary>
public static class Inbox
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<Delivery>> ByGateway = new();

    public static void Add(MessageContext context, object? payload, string? note = null) =>
        Add(context.Gateway, context.MessageHandler, context.Scope, context.Endpoint.ToString(), payload, note);

    public static void Add(Gateway gateway, string handler, Scope scope, string endpoint, object? payload, string? note = null) =>
        ByGateway.GetOrAdd(gateway.Name, _ => new()).Enqueue(new Delivery(handler, scope, endpoint, payload, note));

    public static IReadOnlyList<Delivery> Of(Gateway gateway) =>
        ByGateway.TryGetValue(gateway.Name, out var deliveries) ? [.. deliveries] : [];
}
