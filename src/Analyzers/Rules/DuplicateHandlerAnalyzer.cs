using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Text;

namespace Switchboard.Analyzers.Rules;

/// <summary>
/// SWB0006: another handler, in source or a referenced manifest, has the same name in the same project and scope; or one
/// component method handles one message type twice in overlapping listen scopes.
/// </summary>
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
                $"Project '{projectName}' already has a {ScopeText.Describe(overlap)} handler named '{declaration.Name}' ({other.Origin})"));
        }
    }

    // [ComponentMessageHandler]: one method handling one message type twice in overlapping scopes runs twice.
    protected override void AnalyzeComponentMethod(SymbolAnalysisContext context, IMethodSymbol method, ComponentFacts components) =>
        ComponentHandlerChecks.Duplicates(method, components, context.ReportDiagnostic, context.CancellationToken);
}
