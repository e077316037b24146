using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Text;

namespace Switchboard.Analyzers.Rules;

/// <summary>
/// A <c>HandlerThreading</c> member that applies in one scope only, on a handler declared in another: the runtime then
/// runs it with other threading. Each such member is one rule, in a subclass that names the member, the scope and the
/// diagnostic; the diagnostic's arguments are the handler's name and its scopes.
/// </summary>
internal abstract class ThreadingOutsideItsScopeAnalyzer(int threading, ScopeFlags scope, DiagnosticDescriptor descriptor)
    : HandlerDeclarationAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(descriptor);

    protected override void AnalyzeHandler(SymbolAnalysisContext context, HandlerDeclaration declaration, CompilationFacts facts)
    {
        if (declaration.Threading != threading || declaration.Scope == scope || !ScopeText.IsValid(declaration.Scope))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            descriptor,
            ThreadingLocation(declaration, context.CancellationToken),
            declaration.HasUsableName ? declaration.Name : declaration.Method.Name,
            ScopeText.Describe(declaration.Scope)));
    }

    // The whole "Threading = ..." argument, so that the squiggle covers what to change.
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
