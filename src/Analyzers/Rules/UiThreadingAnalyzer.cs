using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Text;

namespace Switchboard.Analyzers.Rules;

/// <summary>SWB0013: <c>Threading = HandlerThreading.UI</c> on a handler that is not only a client handler.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class UiThreadingAnalyzer : HandlerDeclarationAnalyzer
{
    private const int UiThreading = 2;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UiThreadingOutsideClient);

    protected override void AnalyzeHandler(SymbolAnalysisContext context, HandlerDeclaration declaration, CompilationFacts facts)
    {
        if (declaration.Threading != UiThreading || declaration.Scope == ScopeFlags.Client || !ScopeText.IsValid(declaration.Scope))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.UiThreadingOutsideClient,
            ThreadingLocation(declaration, context.CancellationToken),
            declaration.HasUsableName ? declaration.Name : declaration.Method.Name,
            ScopeText.Describe(declaration.Scope)));
    }

    private static Location ThreadingLocation(HandlerDeclaration declaration, System.Threading.CancellationToken cancellationToken)
    {
        if (declaration.Attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } arguments } syntax)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == "Threading")
                {
                    return argument.GetLocation();
                }
            }

            return syntax.GetLocation();
        }

        return declaration.NameLocation(cancellationToken);
    }
}
