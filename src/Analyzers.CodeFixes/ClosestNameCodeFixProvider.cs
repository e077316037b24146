using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Switchboard.Analyzers.CodeFixes;

/// <summary>
/// SWB0001 and SWB0002: replaces a mistyped handler or project name with the closest known one ("Did you mean
/// 'testHandler'?"). Offered on string literals only: a constant or <c>nameof</c> is fixed where it is declared.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClosestNameCodeFixProvider))]
[Shared]
internal sealed class ClosestNameCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnknownHandlerNameId, DiagnosticDescriptors.UnknownProjectId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Suggestion, out var suggestion) || suggestion is null
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Did you mean '{suggestion}'?",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, SyntaxText.StringLiteral(suggestion, literal)))),
                    equivalenceKey: diagnostic.Id + ".ClosestName"),
                diagnostic);
        }
    }
}
