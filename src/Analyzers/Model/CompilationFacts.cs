using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Switchboard.Analyzers.Model;

/// <summary>What every Switchboard analyzer needs about one compilation, found at compilation start and computed lazily.</summary>
internal sealed class CompilationFacts
{
    private readonly Lazy<HandlerIndex> index;
    private readonly Lazy<string> assemblyProject;

    private CompilationFacts(Compilation compilation, AnalyzerOptions options, SwitchboardSymbols symbols)
    {
        Symbols = symbols;
        index = HandlerIndexCache.For(compilation, options, symbols);
        assemblyProject = new Lazy<string>(() => HandlerIndexBuilder.AssemblyProject(compilation, symbols), LazyThreadSafetyMode.PublicationOnly);
    }

    public SwitchboardSymbols Symbols { get; }

    /// <summary>Every known handler; built on first use and shared by all analyzers of the compilation.</summary>
    public HandlerIndex Index => index.Value;

    /// <summary>The project this compilation's handlers belong to by default.</summary>
    public string AssemblyProject => assemblyProject.Value;

    /// <summary>The facts, or <see langword="null"/> when the compilation does not reference Switchboard.</summary>
    /// <param name="compilation">The compilation.</param>
    /// <param name="options">Its analyzer options: the handler manifests of projects built elsewhere are among its additional files.</param>
    public static CompilationFacts? TryCreate(Compilation compilation, AnalyzerOptions options) =>
        SwitchboardSymbols.TryCreate(compilation) is { } symbols ? new CompilationFacts(compilation, options, symbols) : null;
}
