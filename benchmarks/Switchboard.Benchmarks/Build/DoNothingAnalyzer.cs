using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Switchboard.Benchmarks.Build;

/// <summary>
/// An analyzer that asks for the same kinds of callbacks as Switchboard's (methods and types, invocations and object
/// creations, attributes; not in generated code) and does nothing in them: the build-cost benchmark's measure of what
/// running any such analyzer through <see cref="CompilationWithAnalyzers"/> costs before a rule does any work.
/// </summary>
/// <remarks>
/// The rules for shipping an analyzer (its own netstandard2.0 assembly without Workspaces, release tracking) do not
/// apply: no compiler ever loads this one, the benchmark hands it to <see cref="CompilationWithAnalyzers"/> itself.
/// </remarks>
#pragma warning disable RS1036, RS1038, RS1041, RS2008 // A benchmark instrument, not a shipped analyzer (see remarks).
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoNothingAnalyzer : DiagnosticAnalyzer
{
    // An analyzer without a diagnostic it could report counts as suppressed and is never run.
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Never];

    /// <summary>How many callbacks ran, over every instance: the setup checks that the analyzer was not skipped.</summary>
    public static long Callbacks => Interlocked.Read(ref callbacks);

    private static long callbacks;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterSymbolAction(_ => Interlocked.Increment(ref callbacks), SymbolKind.Method, SymbolKind.NamedType);
            start.RegisterOperationAction(_ => Interlocked.Increment(ref callbacks), OperationKind.Invocation, OperationKind.ObjectCreation);
            start.RegisterSyntaxNodeAction(_ => Interlocked.Increment(ref callbacks), SyntaxKind.Attribute);
        });
    }
}
#pragma warning restore RS1036, RS1038, RS1041, RS2008
