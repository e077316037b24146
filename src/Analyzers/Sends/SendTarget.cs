using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Switchboard.Analyzers.Model;
using Switchboard.Manifests;

namespace Switchboard.Analyzers.Sends;

/// <summary>
/// What a send with constant names resolves to in the <see cref="HandlerIndex"/>: the project, and the declarations of
/// the handler name. Only made when the index knows at least one handler, so an unknown name is a real finding.
/// </summary>
internal sealed class SendTarget
{
    private SendTarget(KnownProject? project, string projectName, string? handlerName, ImmutableArray<KnownHandler> handlers)
    {
        Project = project;
        ProjectName = projectName;
        HandlerName = handlerName;
        Handlers = handlers;
    }

    /// <summary>The known project, or <see langword="null"/> when no known project has that name.</summary>
    public KnownProject? Project { get; }

    public string ProjectName { get; }

    /// <summary>The constant handler name, or <see langword="null"/> when it is not a constant.</summary>
    public string? HandlerName { get; }

    /// <summary>The declarations of the handler name in the project (empty when unknown).</summary>
    public ImmutableArray<KnownHandler> Handlers { get; }

    /// <summary>The union of the scopes that declare the handler.</summary>
    public ScopeFlags DeclaredScope
    {
        get
        {
            var scope = ScopeFlags.None;
            foreach (var handler in Handlers)
            {
                scope |= handler.Scope;
            }

            return scope;
        }
    }

    /// <summary>
    /// The declarations <paramref name="call"/> can reach whose typed payload is known, one per distinct payload type: a
    /// request reaches the gateway one, a send those in its constant scope (every scope when it has none).
    /// </summary>
    public IEnumerable<KnownHandler> PayloadsReached(SendCall call)
    {
        var reached = call.IsRequest ? ScopeFlags.Gateway : call.TryGetConstantScope(out var scope) ? scope : ScopeFlags.All;
        var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var handler in Handlers)
        {
            if ((handler.Scope & reached) != 0 && handler.IsPayloadKnown && handler.PayloadType is { } payloadType && seen.Add(payloadType))
            {
                yield return handler;
            }
        }
    }

    /// <summary>
    /// The payload shapes that handler manifests record for the handlers <paramref name="call"/> reaches whose payload
    /// type this compilation cannot name (projects built elsewhere), each once.
    /// </summary>
    public IEnumerable<ManifestType> ManifestShapesReached(SendCall call)
    {
        var reached = call.IsRequest ? ScopeFlags.Gateway : call.TryGetConstantScope(out var scope) ? scope : ScopeFlags.All;
        var seen = new HashSet<ManifestType>();
        foreach (var handler in Handlers)
        {
            if ((handler.Scope & reached) != 0 && handler.PayloadType is null && handler.ManifestPayload is { IsDictionary: false } shape && seen.Add(shape))
            {
                yield return shape;
            }
        }
    }

    /// <summary>
    /// Resolves <paramref name="call"/>; <see langword="null"/> when its project is not a constant or nothing is known.
    /// Resolved once per call: the send rules share the call (<see cref="CompilationFacts.Send"/>), and so the answer.
    /// </summary>
    public static SendTarget? Resolve(SendCall call, HandlerIndex index) => call.ResolvedIn(index, Find);

    private static SendTarget? Find(SendCall call, HandlerIndex index)
    {
        if (index.IsEmpty || call.ProjectName is not { } projectName)
        {
            return null;
        }

        var project = index.Find(projectName);
        var handlerName = call.HandlerName;
        var handlers = project is not null && handlerName is not null ? project.Named(handlerName) : ImmutableArray<KnownHandler>.Empty;
        return new SendTarget(project, projectName, handlerName, handlers);
    }
}
