using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Model;

namespace Switchboard.Analyzers.Handlers;

/// <summary>
/// The common frame of the rules that check <c>[MessageHandler]</c> methods: skip generated code, run concurrently,
/// take the compilation's shared facts at compilation start, and hand every attributed method to
/// <see cref="AnalyzeHandler"/> with its declaration, read once per compilation for all these rules; in a compilation
/// that references <c>Switchboard.AspNetCore</c>, every method also to <see cref="AnalyzeComponentMethod"/>, for rules
/// that check <c>[ComponentMessageHandler]</c> methods too.
/// </summary>
internal abstract class HandlerDeclarationAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (CompilationFacts.TryCreate(start.Compilation, start.Options) is not { } facts)
            {
                return;
            }

            var components = facts.Components;
            start.RegisterSymbolAction(
                symbol =>
                {
                    if (facts.Declaration((IMethodSymbol)symbol.Symbol) is { } declaration)
                    {
                        AnalyzeHandler(symbol, declaration, facts);
                    }

                    if (components is not null)
                    {
                        AnalyzeComponentMethod(symbol, (IMethodSymbol)symbol.Symbol, components);
                    }
                },
                SymbolKind.Method);
            if (!ExtraOperationKinds.IsEmpty)
            {
                start.RegisterOperationAction(operation => AnalyzeOperation(operation, facts), ExtraOperationKinds);
            }
        });
    }

    protected abstract void AnalyzeHandler(SymbolAnalysisContext context, HandlerDeclaration declaration, CompilationFacts facts);

    /// <summary>Called for every method of a compilation that references <c>Switchboard.AspNetCore</c>.</summary>
    protected virtual void AnalyzeComponentMethod(SymbolAnalysisContext context, IMethodSymbol method, ComponentFacts components)
    {
    }

    /// <summary>Operations a rule also wants to see (for example local functions), with the same facts.</summary>
    protected virtual ImmutableArray<OperationKind> ExtraOperationKinds => ImmutableArray<OperationKind>.Empty;

    /// <summary>Called for each operation of <see cref="ExtraOperationKinds"/>.</summary>
    protected virtual void AnalyzeOperation(OperationAnalysisContext context, CompilationFacts facts)
    {
    }
}
