using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Switchboard.Analyzers.Handlers;

/// <summary>One component handler a send can reach: its listen scopes and payload type.</summary>
/// <param name="MessageType">The message type.</param>
/// <param name="Scopes">The listen scopes (View 1, Page 2, Session 4).</param>
/// <param name="PayloadType">The payload parameter's type, or <see langword="null"/> when the method takes none.</param>
/// <param name="Origin">"Gauge.OnLevel", for messages.</param>
internal sealed record KnownComponentHandler(string MessageType, int Scopes, ITypeSymbol? PayloadType, string Origin);

/// <summary>
/// The component handlers of a compilation by message type: every callable <c>[ComponentMessageHandler]</c> method
/// with a usable name and valid scopes, in its source, including what other generators wrote (a <c>.razor</c> file's
/// <c>@code</c> block). A referenced assembly that uses <c>Switchboard.AspNetCore</c> may hold components whose
/// private handlers metadata does not show; then the index is not <see cref="IsComplete"/>, and no rule says that a
/// message type has no handler.
/// </summary>
internal sealed class ComponentHandlerIndex
{
    private readonly Dictionary<string, ImmutableArray<KnownComponentHandler>> byMessageType;
    private readonly Model.CaseTwins caseTwins;

    private ComponentHandlerIndex(Dictionary<string, ImmutableArray<KnownComponentHandler>> byMessageType, bool isComplete)
    {
        this.byMessageType = byMessageType;
        caseTwins = new Model.CaseTwins(byMessageType.Keys);
        IsComplete = isComplete;
    }

    /// <summary>Whether every component handler the application can have is known here.</summary>
    public bool IsComplete { get; }

    /// <summary>Whether no component handler is known.</summary>
    public bool IsEmpty => byMessageType.Count == 0;

    /// <summary>The message types handled.</summary>
    public IEnumerable<string> MessageTypes => byMessageType.Keys;

    /// <summary>The handlers of <paramref name="messageType"/> (case-sensitive, as at run time); empty when none.</summary>
    public ImmutableArray<KnownComponentHandler> Named(string messageType) =>
        byMessageType.TryGetValue(messageType, out var handlers) ? handlers : ImmutableArray<KnownComponentHandler>.Empty;

    /// <summary>The other handled message types equal to <paramref name="messageType"/> ignoring case (usually none).</summary>
    public IEnumerable<string> CaseTwinsOf(string messageType) => caseTwins.Of(messageType);

    public static ComponentHandlerIndex Build(Compilation compilation, INamedTypeSymbol attribute)
    {
        var found = new Dictionary<string, List<KnownComponentHandler>>(System.StringComparer.Ordinal);
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            foreach (var member in pending.Pop().GetMembers())
            {
                if (member is INamespaceOrTypeSymbol container)
                {
                    pending.Push(container);
                }
                else if (member is IMethodSymbol method)
                {
                    Add(method, attribute, found);
                }
            }
        }

        var byMessageType = new Dictionary<string, ImmutableArray<KnownComponentHandler>>(System.StringComparer.Ordinal);
        foreach (var pair in found)
        {
            byMessageType.Add(pair.Key, pair.Value.ToImmutableArray());
        }

        return new ComponentHandlerIndex(byMessageType, !AnyReferenceUsesComponents(compilation, attribute.ContainingAssembly));
    }

    private static void Add(IMethodSymbol method, INamedTypeSymbol attribute, Dictionary<string, List<KnownComponentHandler>> found)
    {
        var declarations = ComponentHandlerDeclaration.ReadAll(method, attribute);
        if (declarations.IsEmpty || !ComponentHandlerShapes.IsCallable(method))
        {
            return;
        }

        var payload = method.Parameters.Length == 1 ? method.Parameters[0].Type : null;
        foreach (var declaration in declarations)
        {
            if (declaration.HasUsableName && ComponentHandlerShapes.IsValidListenScopes(declaration.Scopes))
            {
                if (!found.TryGetValue(declaration.MessageType!, out var handlers))
                {
                    found.Add(declaration.MessageType!, handlers = new List<KnownComponentHandler>());
                }

                handlers.Add(new KnownComponentHandler(declaration.MessageType!, declaration.Scopes, payload, method.ContainingType.Name + "." + method.Name));
            }
        }
    }

    private static bool AnyReferenceUsesComponents(Compilation compilation, IAssemblySymbol aspNetCore)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (SymbolEqualityComparer.Default.Equals(assembly, aspNetCore))
            {
                continue;
            }

            foreach (var module in assembly.Modules)
            {
                foreach (var referenced in module.ReferencedAssemblies)
                {
                    if (referenced.Name == aspNetCore.Name)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
