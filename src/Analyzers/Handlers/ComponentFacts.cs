using System;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Switchboard.Analyzers.Handlers;

/// <summary>
/// What the component-handler checks need about one compilation that references <c>Switchboard.AspNetCore</c>: the
/// attribute and <c>ListenScope</c> symbols, and the component handlers it declares (built on first use). Made once per
/// compilation, as part of <see cref="Model.CompilationFacts"/>, and shared by every analyzer.
/// </summary>
internal sealed class ComponentFacts
{
    private readonly Lazy<ComponentHandlerIndex> index;

    private ComponentFacts(Compilation compilation, INamedTypeSymbol attribute, INamedTypeSymbol listenScope)
    {
        Attribute = attribute;
        ListenScope = listenScope;
        index = new Lazy<ComponentHandlerIndex>(() => ComponentHandlerIndex.Build(compilation, attribute), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary><c>Switchboard.AspNetCore.ComponentMessageHandlerAttribute</c>.</summary>
    public INamedTypeSymbol Attribute { get; }

    /// <summary><c>Switchboard.AspNetCore.ListenScope</c>.</summary>
    public INamedTypeSymbol ListenScope { get; }

    /// <summary>The component handlers this compilation knows.</summary>
    public ComponentHandlerIndex Index => index.Value;

    /// <summary>The facts, or <see langword="null"/> when the compilation does not reference <c>Switchboard.AspNetCore</c>.</summary>
    public static ComponentFacts? TryCreate(Compilation compilation) =>
        compilation.GetTypeByMetadataName(ComponentHandlerShapes.AttributeMetadataName) is { } attribute
        && compilation.GetTypeByMetadataName("Switchboard.AspNetCore.ListenScope") is { } listenScope
            ? new ComponentFacts(compilation, attribute, listenScope)
            : null;
}
