using System;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Switchboard.Analyzers.Model;

/// <summary>What every Switchboard analyzer needs about one compilation, found at compilation start and computed lazily.</summary>
internal sealed class CompilationFacts
{
    private readonly Lazy<HandlerIndex> index;
    private readonly Lazy<string> assemblyProject;

    private CompilationFacts(Compilation compilation, SwitchboardSymbols symbols)
    {
        Symbols = symbols;
        index = HandlerIndexCache.For(compilation, symbols);
        assemblyProject = new Lazy<string>(() => HandlerIndexBuilder.AssemblyProject(compilation, symbols), LazyThreadSafetyMode.PublicationOnly);
    }

    public SwitchboardSymbols Symbols { get; }

    /// <summary>Every known handler; built on first use and shared by all analyzers of the compilation.</summary>
    public HandlerIndex Index => index.Value;

    /// <summary>The project this compilation's handlers belong to by default.</summary>
    public string AssemblyProject => assemblyProject.Value;

    /// <summary>The facts, or <see langword="null"/> when the compilation does not reference Switchboard.</summary>
    public static CompilationFacts? TryCreate(Compilation compilation) =>
        SwitchboardSymbols.TryCreate(compilation) is { } symbols ? new CompilationFacts(compilation, symbols) : null;
}
