using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Switchboard.Analyzers.Model;

/// <summary>
/// One <see cref="CompilationFacts"/> per compilation, shared by every Switchboard analyzer: the handler index and the
/// per-method, per-send and per-type readings in it are computed once however many rules ask. Entries go away with
/// their compilation, so nothing outlives it or leaks into the next one.
/// </summary>
internal static class HandlerIndexCache
{
    private static readonly ConditionalWeakTable<Compilation, Entry> Facts = new();

    // The additional files belong to the compilation's analysis, so the first caller's options serve every analyzer.
    public static CompilationFacts? For(Compilation compilation, AnalyzerOptions options) =>
        Facts.GetValue(
            compilation,
            key => new Entry(SwitchboardSymbols.TryCreate(key) is { } symbols ? new CompilationFacts(key, options, symbols) : null)).Value;

    // A class around the facts, so that "does not reference Switchboard" is cached too.
    private sealed class Entry
    {
        public Entry(CompilationFacts? value) => Value = value;

        public CompilationFacts? Value { get; }
    }
}
