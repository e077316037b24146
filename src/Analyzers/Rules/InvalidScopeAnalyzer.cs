using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Sends;
using Switchboard.Analyzers.Text;

namespace Switchboard.Analyzers.Rules;

/// <summary>
/// SWB0003: a constant scope that the runtime rejects (empty string, unknown or repeated letter, bad Scope value) on a
/// send, or a <c>[MessageHandler]</c> scope outside 1 to 7, which makes the generator skip the handler. One rule for
/// both, so it checks sends and declarations itself rather than through the send or declaration frames.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class InvalidScopeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.InvalidScope);

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

            start.RegisterOperationAction(
                operation =>
                {
                    if (SendCall.TryRead((IInvocationOperation)operation.Operation, facts.Symbols) is { } call)
                    {
                        AnalyzeSend(operation, call);
                    }
                },
                OperationKind.Invocation);
            start.RegisterSymbolAction(
                symbol =>
                {
                    if (HandlerDeclaration.TryRead((IMethodSymbol)symbol.Symbol, facts.Symbols) is { } declaration)
                    {
                        AnalyzeDeclaration(symbol, declaration);
                    }
                },
                SymbolKind.Method);
        });
    }

    private static void AnalyzeDeclaration(SymbolAnalysisContext context, HandlerDeclaration declaration)
    {
        if (ScopeText.IsValid(declaration.Scope))
        {
            return;
        }

        var name = declaration.HasUsableName ? declaration.Name : declaration.Method.Name;
        var error = $"Handler '{name}' has the scope value {(int)declaration.Scope}, which is not a non-empty combination of "
            + "Scope.Client, Scope.Gateway and Scope.Session (1 to 7), so the generator skips it and no message ever reaches it; "
            + "use Scope.Gateway, Scope.Client, Scope.Session or a combination such as Scope.Client | Scope.Session";
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.InvalidScope,
            declaration.ScopeLocation(context.CancellationToken) ?? declaration.NameLocation(context.CancellationToken),
            error));
    }

    private static void AnalyzeSend(OperationAnalysisContext context, SendCall call)
    {
        if (call.Scope is not { } argument || SendCall.ConstantOf(argument.Value) is not { HasValue: true } constant)
        {
            return;
        }

        string? error;
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (call.ScopeIsString)
        {
            if (ScopeText.TryParse(constant.Value as string, out _, out error))
            {
                return;
            }

            properties = properties
                .Add(DiagnosticProperties.ReplacementScope, ScopeText.Correct(constant.Value as string))
                .Add(DiagnosticProperties.ScopeKind, DiagnosticProperties.StringScope);
        }
        else
        {
            if (constant.Value is not int value || ScopeText.IsValid((ScopeFlags)value))
            {
                return;
            }

            error = $"The scope value {value} is not a non-empty combination of Scope.Client, Scope.Gateway and Scope.Session";
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.InvalidScope, argument.Value.Syntax.GetLocation(), properties, error));
    }
}
