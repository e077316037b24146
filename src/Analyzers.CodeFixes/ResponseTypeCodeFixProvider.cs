using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Switchboard.Analyzers.CodeFixes;

/// <summary>SWB0019: asks for the type the handler answers with (<c>SendRequestAsync&lt;long&gt;</c> becomes <c>SendRequestAsync&lt;int&gt;</c>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ResponseTypeCodeFixProvider))]
[Shared]
internal sealed class ResponseTypeCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ResponseTypeMismatchId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.ResponseType, out var responseType) || responseType is null
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not TypeSyntax written
                || written.Parent is not TypeArgumentListSyntax)
            {
                continue;
            }

            var replacement = SyntaxFactory.ParseTypeName(responseType).WithAdditionalAnnotations(Simplifier.Annotation).WithTriviaFrom(written);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Ask for '{diagnostic.Properties[DiagnosticProperties.ResponseTypeDisplay]}'",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(written, replacement))),
                    equivalenceKey: diagnostic.Id + ".ResponseType"),
                diagnostic);
        }
    }
}
