using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Sends;

namespace Switchboard.Analyzers.Rules;

/// <summary>
/// SWB0010: a handler name that is no name (<see cref="NameRule"/>: empty, whitespace or longer than 1,024 characters), in a
/// <c>[MessageHandler]</c> or in a send; also a blank component message type, in a <c>[ComponentMessageHandler]</c> or in
/// a component message send.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class UnusableHandlerNameAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnusableHandlerName);

    public override void Initialize(AnalysisContext context)
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
            start.RegisterSymbolAction(symbol => AnalyzeDeclaration(symbol, facts, components), SymbolKind.Method);
            start.RegisterOperationAction(operation => AnalyzeSend(operation, facts, components), OperationKind.Invocation);
        });
    }

    private static void AnalyzeDeclaration(SymbolAnalysisContext context, CompilationFacts facts, ComponentFacts? components)
    {
        if (components is not null)
        {
            ComponentHandlerChecks.EmptyMessageTypes((IMethodSymbol)context.Symbol, components, context.ReportDiagnostic, context.CancellationToken);
        }

        if (facts.Declaration((IMethodSymbol)context.Symbol) is { HasUsableName: false } declaration)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.UnusableHandlerName, declaration.NameLocation(context.CancellationToken)));
        }
    }

    private static void AnalyzeSend(OperationAnalysisContext context, CompilationFacts facts, ComponentFacts? components)
    {
        if (components is not null && ComponentSendCall.TryRead((IInvocationOperation)context.Operation, components) is { } componentSend)
        {
            ComponentSendChecks.EmptyMessageType(context, componentSend);
            return;
        }

        if (facts.Send((IInvocationOperation)context.Operation) is { MessageHandler: { } argument } call
            && SendCall.ConstantOf(argument.Value) is { HasValue: true } constant
            && !NameRule.IsUsable(constant.Value as string))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnusableHandlerName, argument.Value.Syntax.GetLocation()));
        }
    }
}
