using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Switchboard.Analyzers.Model;

/// <summary>
/// One <see cref="HandlerIndex"/> per compilation, shared by every Switchboard analyzer and built on first use only
/// (a compilation with no send and no handler never pays for it). Entries go away with their compilation.
/// </summary>
internal static class HandlerIndexCache
{
    private static readonly ConditionalWeakTable<Compilation, Lazy<HandlerIndex>> Indexes = new();

    public static Lazy<HandlerIndex> For(Compilation compilation, SwitchboardSymbols symbols) =>
        Indexes.GetValue(
            compilation,
            key => new Lazy<HandlerIndex>(() => HandlerIndexBuilder.Build(key, symbols), LazyThreadSafetyMode.ExecutionAndPublication));
}
