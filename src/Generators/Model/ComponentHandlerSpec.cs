namespace Switchboard.Generators.Model;

/// <summary>
/// One <c>[ComponentMessageHandler]</c> attribute on a valid component method, as plain values (never a symbol, so an
/// unchanged handler stays cached).
/// </summary>
/// <param name="MessageType">The message type.</param>
/// <param name="Scopes">The listen scopes, as the flags' integer value (View 1, Page 2, Session 4).</param>
/// <param name="PayloadType">The payload parameter's fully qualified type, or <see langword="null"/> when the method takes none.</param>
/// <param name="Method">The declaring type and method, for the stubs' documentation.</param>
internal sealed record ComponentHandlerSpec(string MessageType, int Scopes, string? PayloadType, string Method);

/// <summary>The component messages of one assembly, grouped by message type, and the namespace of their stubs.</summary>
/// <param name="Namespace">The namespace of the generated <c>ComponentMessages</c> class.</param>
/// <param name="Messages">One entry per message type, sorted ordinally.</param>
internal sealed record ComponentMessagesSpec(string Namespace, EquatableArray<ComponentMessageSpec> Messages);

/// <summary>One message type: its stub's name, payload type (<see langword="null"/> when the handlers disagree or take none), default scope and handlers.</summary>
internal sealed record ComponentMessageSpec(string MessageType, string Identifier, string? PayloadType, int DefaultScope, EquatableArray<ComponentHandlerSpec> Handlers);
