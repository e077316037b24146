using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Model;

namespace Switchboard.Analyzers.Rules;

/// <summary>
/// SWB0011: another handler name of the same project differs from this one only by case; or another component
/// handler's message type differs from this one's only by case.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class HandlerNameCaseAnalyzer : HandlerDeclarationAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.HandlerNamesDifferByCase);

    protected override void AnalyzeHandler(SymbolAnalysisContext context, HandlerDeclaration declaration, CompilationFacts facts)
    {
        if (!declaration.HasUsableName)
        {
            return;
        }

        var name = declaration.Name!;
        var projectName = declaration.ProjectOr(facts.AssemblyProject);
        if (facts.Index.Find(projectName) is not { } project)
        {
            return;
        }

        foreach (var other in project.CaseTwinsOf(name))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.HandlerNamesDifferByCase,
                declaration.NameLocation(context.CancellationToken),
                name,
                other,
                $"project '{projectName}'",
                project.Named(other)[0].Origin));
        }
    }

    protected override void AnalyzeComponentMethod(SymbolAnalysisContext context, IMethodSymbol method, ComponentFacts components) =>
        ComponentHandlerChecks.CaseTwins(method, components, context.ReportDiagnostic, context.CancellationToken);
}
