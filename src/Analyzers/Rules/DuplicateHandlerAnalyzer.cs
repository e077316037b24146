using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Text;

namespace Switchboard.Analyzers.Rules;

/// <summary>SWB0006: another handler, in source or a referenced manifest, has the same name in the same project and scope.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class DuplicateHandlerAnalyzer : HandlerDeclarationAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DuplicateHandler);

    protected override void AnalyzeHandler(SymbolAnalysisContext context, HandlerDeclaration declaration, CompilationFacts facts)
    {
        if (!declaration.HasUsableName || !ScopeText.IsValid(declaration.Scope))
        {
            return;
        }

        var projectName = declaration.ProjectOr(facts.AssemblyProject);
        if (facts.Index.Find(projectName) is not { } project)
        {
            return;
        }

        foreach (var other in project.Named(declaration.Name!))
        {
            var overlap = other.Scope & declaration.Scope;
            if (overlap == ScopeFlags.None || SymbolEqualityComparer.Default.Equals(other.Method, declaration.Method))
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.DuplicateHandler,
                declaration.NameLocation(context.CancellationToken),
                projectName,
                ScopeText.Describe(overlap),
                declaration.Name,
                other.Origin));
        }
    }
}
