namespace Switchboard.Generators.Model;

/// <summary>
/// One valid <c>[MessageHandler]</c> method, reduced to strings and enums. It holds no symbol, syntax node, location
/// or compilation, and compares by value, so an edit that leaves the handler as it was is seen as unchanged and
/// nothing downstream is regenerated.
/// </summary>
/// <param name="Name">The handler name senders use.</param>
/// <param name="Scope">The <c>Scope</c> flags the attribute declares (1 to 7).</param>
/// <param name="Project">The attribute's <c>Project</c>, or <see langword="null"/> for the assembly's project.</param>
/// <param name="Threading">The <c>HandlerThreading</c> value (0 to 2).</param>
/// <param name="RequiredRole">The attribute's <c>RequiredRole</c>, if any.</param>
/// <param name="IsDurable">Whether the attribute says <c>Delivery = DeliveryMode.Durable</c> (only for a handler in gateway scope alone).</param>
/// <param name="ContainingType">The declaring type, fully qualified.</param>
/// <param name="MethodName">The method name, escaped if it is a keyword.</param>
/// <param name="Declaration">The method with its parameter types, fully qualified: a stable sort key and a readable reference.</param>
/// <param name="Instance">Static, or how an instance is obtained.</param>
/// <param name="Arguments">What to pass for each parameter, in order.</param>
/// <param name="PayloadKind">What the payload parameter is.</param>
/// <param name="Payload">The payload type (for <see cref="PayloadKind.Typed"/> and <see cref="PayloadKind.Dictionary"/>).</param>
/// <param name="Return">What the method returns.</param>
/// <param name="Response">The response type, for methods that return a value.</param>
internal sealed record HandlerSpec(
    string Name,
    int Scope,
    string? Project,
    int Threading,
    string? RequiredRole,
    bool IsDurable,
    string ContainingType,
    string MethodName,
    string Declaration,
    InstanceKind Instance,
    EquatableArray<ArgumentKind> Arguments,
    PayloadKind PayloadKind,
    TypeSpec? Payload,
    ReturnKind Return,
    TypeSpec? Response);
