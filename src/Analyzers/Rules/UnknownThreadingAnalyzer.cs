using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Model;

namespace Switchboard.Analyzers.Rules;

/// <summary>SWB0015: <c>Threading</c> set to a value that is not a <c>HandlerThreading</c> member, such as <c>(HandlerThreading)7</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class UnknownThreadingAnalyzer : HandlerDeclarationAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnknownThreading);

    protected override void AnalyzeHandler(SymbolAnalysisContext context, HandlerDeclaration declaration, CompilationFacts facts)
    {
        if (declaration.HasKnownThreading)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.UnknownThreading,
            declaration.NamedArgumentLocation("Threading", context.CancellationToken) ?? declaration.NameLocation(context.CancellationToken),
            declaration.HasUsableName ? declaration.Name : declaration.Method.Name,
            declaration.Threading));
    }
}
