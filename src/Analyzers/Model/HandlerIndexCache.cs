using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Switchboard.Analyzers.Model;

/// <summary>
/// One <see cref="HandlerIndex"/> per compilation, shared by every Switchboard analyzer and built on first use only
/// (a compilation with no send and no handler never pays for it). Entries go away with their compilation.
/// </summary>
internal static class HandlerIndexCache
{
    private static readonly ConditionalWeakTable<Compilation, Lazy<HandlerIndex>> Indexes = new();

    // The additional files belong to the compilation's analysis, so the first caller's options serve every analyzer.
    public static Lazy<HandlerIndex> For(Compilation compilation, AnalyzerOptions options, SwitchboardSymbols symbols) =>
        Indexes.GetValue(
            compilation,
            key => new Lazy<HandlerIndex>(() => HandlerIndexBuilder.Build(key, options, symbols), LazyThreadSafetyMode.ExecutionAndPublication));
}
