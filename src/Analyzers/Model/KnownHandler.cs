using Microsoft.CodeAnalysis;
using Switchboard.Manifests;

namespace Switchboard.Analyzers.Model;

/// <summary>
/// One handler the analyzers know of: a <c>[MessageHandler]</c> method in this compilation, or a
/// <c>[assembly: MessageHandlerManifest]</c> entry of a referenced assembly.
/// </summary>
internal sealed class KnownHandler
{
    public KnownHandler(
        string project,
        string name,
        ScopeFlags scope,
        bool isPayloadKnown,
        ITypeSymbol? payloadType,
        bool? returnsValue,
        IMethodSymbol? method,
        string origin,
        ITypeSymbol? responseType = null,
        ManifestType? manifestPayload = null,
        bool isDurable = false)
    {
        ManifestPayload = manifestPayload;
        IsDurable = isDurable;
        Project = project;
        Name = name;
        Scope = scope;
        IsPayloadKnown = isPayloadKnown;
        PayloadType = payloadType;
        ReturnsValue = returnsValue;
        Method = method;
        Origin = origin;
        ResponseType = responseType;
    }

    public string Project { get; }

    public string Name { get; }

    public ScopeFlags Scope { get; }

    /// <summary>False when the handler's signature is invalid, so its payload type cannot be trusted.</summary>
    public bool IsPayloadKnown { get; }

    /// <summary>The payload type, or <see langword="null"/> when the handler takes none.</summary>
    public ITypeSymbol? PayloadType { get; }

    /// <summary>Whether it answers requests with a value; <see langword="null"/> when its return type is invalid.</summary>
    public bool? ReturnsValue { get; }

    /// <summary>What a request handler's answer is (<c>T</c> of <c>Task&lt;T&gt;</c>), or <see langword="null"/> when it returns nothing or is unknown.</summary>
    public ITypeSymbol? ResponseType { get; }

    /// <summary>The method, for handlers declared in this compilation; <see langword="null"/> for manifest entries.</summary>
    public IMethodSymbol? Method { get; }

    /// <summary>
    /// The payload as a handler manifest file records it, for a handler of a project built elsewhere; with
    /// <see cref="PayloadType"/> <see langword="null"/> when this compilation cannot name the type.
    /// </summary>
    public ManifestType? ManifestPayload { get; }

    /// <summary>
    /// Whether it is declared <c>Delivery = DeliveryMode.Durable</c>: in source from the attribute, from a referenced
    /// assembly's manifest attribute or a manifest file's <c>durable</c> flag (written for the gateway declaration).
    /// </summary>
    public bool IsDurable { get; }

    /// <summary>Where it is declared, for messages: <c>Handlers.OnTest</c> or <c>assembly Lib</c>.</summary>
    public string Origin { get; }
}
