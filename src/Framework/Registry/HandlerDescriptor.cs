namespace Switchboard;

/// <summary>Describes one message handler: where it runs, what it takes and returns, and how to call it.</summary>
public sealed class HandlerDescriptor
{
    /// <summary>The project the handler belongs to.</summary>
    public required string Project { get; init; }

    /// <summary>The handler name senders use.</summary>
    public required string Name { get; init; }

    /// <summary>The scopes in which the handler runs.</summary>
    public required Scope Scope { get; init; }

    /// <summary>Calls the handler.</summary>
    public required HandlerInvoker Invoker { get; init; }

    /// <summary>
    /// The payload type the handler takes, or <see langword="null"/> when it takes none. A payload of another type is
    /// passed through <see cref="PayloadAdapter"/> before it is queued.
    /// </summary>
    public Type? PayloadType { get; init; }

    /// <summary>The response type, or <see langword="null"/> when the handler returns nothing (and so cannot answer requests).</summary>
    public Type? ResponseType { get; init; }

    /// <summary>How invocations are scheduled.</summary>
    public HandlerThreading Threading { get; init; }

    /// <summary>A role the sender must hold, or <see langword="null"/> for none.</summary>
    public string? RequiredRole { get; init; }

    /// <summary>
    /// How sends reach the handler (<see cref="MessageHandlerAttribute.Delivery"/>); <see cref="DeliveryMode.Durable"/>
    /// is allowed only for a handler whose <see cref="Scope"/> is <see cref="Scope.Gateway"/> alone.
    /// </summary>
    public DeliveryMode Delivery { get; init; }

    /// <summary>Converts payloads that are not already a <see cref="PayloadType"/>; <see langword="null"/> when none is possible.</summary>
    public PayloadAdapter? PayloadAdapter { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Project}/{Name} ({Scope.ToCode()})";
}
