using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Switchboard.Analyzers.CodeFixes;

/// <summary>
/// SWB0003: writes the corrected scope string. SWB0004: narrows the scope to where the handler is declared.
/// SWB0008: widens a gateway-only scope to the clients and sessions the filters were meant for. The analyzer computes
/// the replacement; this only writes it, as a string or as <c>Scope</c> flags like the argument it replaces.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ScopeCodeFixProvider))]
[Shared]
internal sealed class ScopeCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InvalidScopeId,
        DiagnosticDescriptors.ScopeWithoutHandlerId,
        DiagnosticDescriptors.GatewayOnlyFiltersId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.ReplacementScope, out var letters) || letters is null
                || !diagnostic.Properties.TryGetValue(DiagnosticProperties.ScopeKind, out var kind)
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax scope)
            {
                continue;
            }

            if (letters.Length == 0 && kind != DiagnosticProperties.StringScope)
            {
                continue;
            }

            var replacement = letters.Length == 0 ? SyntaxText.NullLiteral(scope)
                : kind == DiagnosticProperties.StringScope ? SyntaxText.StringLiteral(letters, scope)
                : SyntaxText.ScopeFlags(letters, scope);
            context.RegisterCodeFix(
                CodeAction.Create(
                    Title(diagnostic, letters),
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(scope, replacement))),
                    equivalenceKey: diagnostic.Id + ".Scope"),
                diagnostic);
        }
    }

    private static string Title(Diagnostic diagnostic, string letters) => diagnostic.Id switch
    {
        DiagnosticDescriptors.InvalidScopeId when letters.Length == 0 => "Use the default scope",
        DiagnosticDescriptors.InvalidScopeId => $"Use scope \"{letters}\"",
        DiagnosticDescriptors.GatewayOnlyFiltersId => $"Widen the scope to \"{letters}\"",
        _ when diagnostic.Properties.ContainsKey(DiagnosticProperties.ScopeMovesElsewhere) => $"Change the scope to \"{letters}\"",
        _ => $"Narrow the scope to \"{letters}\"",
    };
}
