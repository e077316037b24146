using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Text;

namespace Switchboard.Analyzers.Rules;

/// <summary>SWB0022: <c>Threading = HandlerThreading.Inline</c> on a handler that is not only a gateway handler.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class InlineThreadingAnalyzer : HandlerDeclarationAnalyzer
{
    private const int InlineThreading = 3;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.InlineThreadingOutsideGateway);

    protected override void AnalyzeHandler(SymbolAnalysisContext context, HandlerDeclaration declaration, CompilationFacts facts)
    {
        if (declaration.Threading != InlineThreading || declaration.Scope == ScopeFlags.Gateway || !ScopeText.IsValid(declaration.Scope))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.InlineThreadingOutsideGateway,
            declaration.NamedArgumentLocation("Threading", context.CancellationToken) ?? declaration.NameLocation(context.CancellationToken),
            declaration.HasUsableName ? declaration.Name : declaration.Method.Name,
            ScopeText.Describe(declaration.Scope)));
    }
}
