using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Payloads;
using Switchboard.Analyzers.Sends;

namespace Switchboard.Analyzers.Model;

/// <summary>
/// What every Switchboard analyzer needs about one compilation, made once per compilation and shared by all of them
/// (<see cref="HandlerIndexCache"/>): the symbols, the handler index, and each method's handler declaration, each
/// send's reading and each payload type's members, every one computed on first use only. Safe across threads.
/// </summary>
internal sealed class CompilationFacts
{
    private readonly Lazy<HandlerIndex> index;
    private readonly Lazy<string> assemblyProject;
    private readonly Lazy<ComponentFacts?> components;

    // Every method a rule asks about, with or without [MessageHandler]: the attribute is read once per method.
    private readonly ConcurrentDictionary<IMethodSymbol, HandlerDeclaration?> declarations = new(SymbolEqualityComparer.Default);

    // Keyed by the operation itself, which every analyzer of the compilation is handed: an entry goes with its tree.
    private readonly ConditionalWeakTable<IInvocationOperation, SendReading> sends = new();
    private readonly ConditionalWeakTable<IInvocationOperation, SendReading>.CreateValueCallback readSend;

    private readonly ConcurrentDictionary<ITypeSymbol, PayloadMembers?> payloadMembers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, PayloadJsonClosure> jsonClosures = new(SymbolEqualityComparer.Default);
    private readonly Func<IMethodSymbol, HandlerDeclaration?> readDeclaration;
    private readonly Func<ITypeSymbol, PayloadMembers?> listMembers;
    private readonly Func<ITypeSymbol, PayloadJsonClosure> describeJson;

    internal CompilationFacts(Compilation compilation, AnalyzerOptions options, SwitchboardSymbols symbols)
    {
        Symbols = symbols;
        readDeclaration = method => HandlerDeclaration.TryRead(method, symbols);
        readSend = invocation => new SendReading(SendCall.TryRead(invocation, symbols));
        listMembers = type => PayloadMembers.TryCreate(type, symbols);
        describeJson = type => PayloadJsonShapes.Describe(type, compilation.Assembly);
        index = new Lazy<HandlerIndex>(() => HandlerIndexBuilder.Build(compilation, options, this), LazyThreadSafetyMode.ExecutionAndPublication);
        assemblyProject = new Lazy<string>(() => HandlerIndexBuilder.AssemblyProject(compilation, symbols), LazyThreadSafetyMode.PublicationOnly);
        components = new Lazy<ComponentFacts?>(() => ComponentFacts.TryCreate(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public SwitchboardSymbols Symbols { get; }

    /// <summary>Every known handler; built on first use and shared by all analyzers of the compilation.</summary>
    public HandlerIndex Index => index.Value;

    /// <summary>The project this compilation's handlers belong to by default.</summary>
    public string AssemblyProject => assemblyProject.Value;

    /// <summary>What the component-handler checks need; <see langword="null"/> when the compilation does not reference <c>Switchboard.AspNetCore</c>.</summary>
    public ComponentFacts? Components => components.Value;

    /// <summary>The facts, or <see langword="null"/> when the compilation does not reference Switchboard.</summary>
    /// <param name="compilation">The compilation.</param>
    /// <param name="options">Its analyzer options: the handler manifests of projects built elsewhere are among its additional files.</param>
    public static CompilationFacts? TryCreate(Compilation compilation, AnalyzerOptions options) => HandlerIndexCache.For(compilation, options);

    /// <summary>The <c>[MessageHandler]</c> declaration on <paramref name="method"/>, read once per compilation; <see langword="null"/> when it has none.</summary>
    public HandlerDeclaration? Declaration(IMethodSymbol method) => declarations.GetOrAdd(method, readDeclaration);

    /// <summary>The send <paramref name="invocation"/> makes, read once for all the send rules; <see langword="null"/> when it is no send.</summary>
    public SendCall? Send(IInvocationOperation invocation) => sends.GetValue(invocation, readSend).Call;

    /// <summary>The members a dictionary may fill in <paramref name="type"/>, listed once per compilation (see <see cref="PayloadMembers.TryCreate"/>).</summary>
    public PayloadMembers? PayloadMembersOf(ITypeSymbol type) => payloadMembers.GetOrAdd(type, listMembers);

    /// <summary>How the generator describes <paramref name="type"/> as JSON metadata, walked once per compilation.</summary>
    public PayloadJsonClosure JsonClosureOf(ITypeSymbol type) => jsonClosures.GetOrAdd(type, describeJson);

    // A class, so that "no send" can be cached too.
    private sealed class SendReading
    {
        public SendReading(SendCall? call) => Call = call;

        public SendCall? Call { get; }
    }
}
