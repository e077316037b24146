using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Model;

namespace Switchboard.Analyzers.Rules;

/// <summary>
/// SWB0014: a blank project name, or one over 1,024 characters (<see cref="NameRule"/>). On <c>[MessageHandler(..., Project = " ")]</c> the generator skips the handler; on
/// <c>[assembly: MessagingProject(" ")]</c> it ignores the attribute and uses the assembly name.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class BlankProjectAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.BlankProjectName);

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

            start.RegisterSymbolAction(symbol => AnalyzeHandler(symbol, facts), SymbolKind.Method);
            if (facts.Symbols.MessagingProjectAttribute is { } projectAttribute)
            {
                start.RegisterSyntaxNodeAction(node => AnalyzeAssemblyAttribute(node, projectAttribute), SyntaxKind.Attribute);
            }
        });
    }

    private static void AnalyzeHandler(SymbolAnalysisContext context, CompilationFacts facts)
    {
        if (facts.Declaration((IMethodSymbol)context.Symbol) is not { HasUnusableProject: true } declaration)
        {
            return;
        }

        var name = declaration.HasUsableName ? declaration.Name : declaration.Method.Name;
        var message =
            $"Handler '{name}' has {Unusable(declaration.ExplicitProject!)} Project, so the generator skips it and no message ever reaches it; "
            + $"name its project in 1 to 1,024 characters, or remove Project to use the assembly's project '{facts.AssemblyProject}'";
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.BlankProjectName, ProjectLocation(declaration, context.CancellationToken), message));
    }

    private static void AnalyzeAssemblyAttribute(SyntaxNodeAnalysisContext context, INamedTypeSymbol projectAttribute)
    {
        var attribute = (AttributeSyntax)context.Node;
        if (attribute.Parent is not AttributeListSyntax { Target: { } target } || !target.Identifier.IsKind(SyntaxKind.AssemblyKeyword)
            || attribute.ArgumentList is not { Arguments.Count: 1 } arguments)
        {
            return;
        }

        var type = context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol?.ContainingType;
        if (!SymbolEqualityComparer.Default.Equals(type, projectAttribute))
        {
            return;
        }

        var argument = arguments.Arguments[0].Expression;
        var constant = context.SemanticModel.GetConstantValue(argument, context.CancellationToken);
        var project = constant.Value as string;
        if (!constant.HasValue || NameRule.IsUsable(project))
        {
            return;
        }

        var assemblyName = context.SemanticModel.Compilation.AssemblyName ?? string.Empty;
        var message =
            $"[assembly: MessagingProject] names {Unusable(project ?? "")} project, so it is ignored and this assembly's handlers belong to project "
            + $"'{assemblyName}' (the assembly name); name the project in 1 to 1,024 characters, or remove the attribute to keep '{assemblyName}'";
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BlankProjectName, argument.GetLocation(), message));
    }

    private static string Unusable(string project) => project.Length > NameRule.MaxLength ? $"a {project.Length}-character" : "a blank";

    private static Location ProjectLocation(HandlerDeclaration declaration, System.Threading.CancellationToken cancellationToken)
    {
        if (declaration.Attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } arguments })
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == "Project")
                {
                    return argument.Expression.GetLocation();
                }
            }
        }

        return declaration.NameLocation(cancellationToken);
    }
}
