namespace Switchboard;

/// <summary>
/// Declares a method as a message handler named <see cref="Name"/> in <see cref="Scope"/>, the typed form of an
/// Ignition event-script message handler. The Switchboard source generator turns every such method into a registry
/// entry and a typed send stub.
/// </summary>
/// <example>
/// <code>
/// [MessageHandler("testHandler", Scope.Gateway)]
/// public static void OnTest(Greeting payload) { ... }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class MessageHandlerAttribute : Attribute
{
    /// <summary>Declares a handler.</summary>
    /// <param name="name">The handler name senders use (Ignition's <c>messageHandler</c>).</param>
    /// <param name="scope">Where the handler runs: the gateway (default), each client, each session, or a combination.</param>
    public MessageHandlerAttribute(string name, Scope scope = Scope.Gateway)
    {
        Name = name;
        Scope = scope;
    }

    /// <summary>The handler name senders use.</summary>
    public string Name { get; }

    /// <summary>Where the handler runs.</summary>
    public Scope Scope { get; }

    /// <summary>The project the handler belongs to; defaults to the assembly's <see cref="MessagingProjectAttribute"/>, else the assembly name.</summary>
    public string? Project { get; set; }

    /// <summary>How invocations are scheduled; <see cref="HandlerThreading.Shared"/> by default.</summary>
    public HandlerThreading Threading { get; set; }

    /// <summary>A role the sender must hold; a sender without it gets <c>DENIED</c> and the handler does not run.</summary>
    public string? RequiredRole { get; set; }

    /// <summary>
    /// How sends reach the handler: <see cref="DeliveryMode.FireAndForget"/> (Ignition's, the default), or
    /// <see cref="DeliveryMode.Durable"/>: at least once through the sending gateway's <see cref="IDurableQueue"/>, with
    /// the result <c>QUEUED</c>. Only a handler in <see cref="Scope.Gateway"/> alone can be durable (SWB0021). The
    /// typed stub and <c>SendAsync</c> honour it; the synchronous <c>SendMessage</c> refuses such a handler, because
    /// it cannot wait for the store.
    /// </summary>
    public DeliveryMode Delivery { get; set; }
}
