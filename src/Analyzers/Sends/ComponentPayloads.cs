using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Model;

namespace Switchboard.Analyzers.Sends;

/// <summary>
/// The typed payloads a component message send with a dictionary reaches: one per distinct payload type of the handlers
/// of its constant message type that listen on its scope, with the members a dictionary may fill. Component payloads
/// are converted with <c>JsonSerializerDefaults.Web</c> (<c>ComponentHandler.Convert</c>): keys match ignoring case,
/// numbers are read from strings too, a key that matches nothing is skipped and a constructor parameter may be left
/// out; a missing required property, or a value that cannot be read, throws <c>ArgumentException</c> for the sender
/// before any handler runs.
/// </summary>
internal sealed class ComponentPayloads
{
    private ComponentPayloads(string messageType, List<ComponentPayload> typed, bool keysMustMatch)
    {
        MessageType = messageType;
        Typed = typed;
        KeysMustMatch = keysMustMatch;
    }

    public string MessageType { get; }

    /// <summary>The payload types whose members are known, each once.</summary>
    public IReadOnlyList<ComponentPayload> Typed { get; }

    /// <summary>
    /// Whether a key that none of <see cref="Typed"/> reads is lost: every handler the application can have is known,
    /// and none that the send reaches takes the dictionary as it is (or a type any key fits).
    /// </summary>
    public bool KeysMustMatch { get; }

    /// <summary>The payload types, for a message about a key that none of them reads.</summary>
    public string About => Typed.Count == 1
        ? Typed[0].About
        : $"{string.Join(" or ", Typed.Select(payload => $"'{payload.Members.TypeName}'").OrderBy(name => name, StringComparer.Ordinal))}, the payloads of the component handlers for message '{MessageType}'";

    /// <summary>The payloads, or <see langword="null"/> when the message type is not a constant or has no handler with a payload whose members are known.</summary>
    public static ComponentPayloads? TryRead(ComponentSendCall call, ComponentFacts components, CompilationFacts facts)
    {
        if (call.MessageType is not { } messageType || components.Index.Named(messageType) is not { IsEmpty: false } handlers)
        {
            return null;
        }

        var typed = new List<ComponentPayload>();
        var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var keysMustMatch = components.Index.IsComplete;
        foreach (var handler in handlers)
        {
            // A handler without a payload parameter reads no key; one on another scope is not reached.
            if (handler.PayloadType is not { } payloadType || (call.Scope is { } scope && (handler.Scopes & scope) == 0) || !seen.Add(payloadType))
            {
                continue;
            }

            if (facts.PayloadMembersOf(payloadType) is { } members)
            {
                typed.Add(new ComponentPayload(handler, members));
            }
            else
            {
                keysMustMatch = false;
            }
        }

        return typed.Count == 0 ? null : new ComponentPayloads(messageType, typed, keysMustMatch);
    }
}

/// <summary>One payload type a component send reaches, and the handler that takes it.</summary>
internal sealed class ComponentPayload
{
    public ComponentPayload(KnownComponentHandler handler, PayloadMembers members)
    {
        Handler = handler;
        Members = members;
    }

    public KnownComponentHandler Handler { get; }

    public PayloadMembers Members { get; }

    /// <summary>Who reads a property of it, for messages: <c>component handler 'Gauge.OnRefresh' for message 'refresh'</c>.</summary>
    public string Reader => $"component handler '{Handler.Origin}' for message '{Handler.MessageType}'";

    /// <summary>The payload type and who takes it, for messages.</summary>
    public string About => $"'{Members.TypeName}', the payload of {Reader}";
}
