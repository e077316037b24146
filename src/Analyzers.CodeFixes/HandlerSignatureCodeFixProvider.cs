using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Switchboard.Analyzers.Handlers;

namespace Switchboard.Analyzers.CodeFixes;

/// <summary>
/// SWB0005, where the repair is obvious: an <c>async void</c> handler returns <c>Task</c> instead, and a
/// <c>ref</c>/<c>out</c>/<c>in</c> parameter is taken by value. (Parameters may come in any order, so order itself
/// never needs fixing.)
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HandlerSignatureCodeFixProvider))]
[Shared]
internal sealed class HandlerSignatureCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnsupportedHandlerSignatureId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is null || !diagnostic.Properties.TryGetValue(DiagnosticProperties.ProblemKind, out var kind))
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (kind == nameof(HandlerShapeProblemKind.AsyncVoid) && node is PredefinedTypeSyntax voidType)
            {
                var task = SyntaxFactory.ParseTypeName("global::System.Threading.Tasks.Task")
                    .WithAdditionalAnnotations(Simplifier.Annotation)
                    .WithTriviaFrom(voidType);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Return Task instead of void",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(voidType, task))),
                        equivalenceKey: diagnostic.Id + ".ReturnTask"),
                    diagnostic);
            }
            else if (kind == nameof(HandlerShapeProblemKind.ByReferenceParameter) && node is ParameterSyntax parameter)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Take '{parameter.Identifier.ValueText}' by value",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(parameter, ByValue(parameter)))),
                        equivalenceKey: diagnostic.Id + ".ByValue"),
                    diagnostic);
            }
        }
    }

    private static ParameterSyntax ByValue(ParameterSyntax parameter)
    {
        var kept = new SyntaxTokenList();
        // The first modifier may carry the line break and indentation; the type inherits them when no modifier is left.
        var leading = parameter.Modifiers.Count > 0 ? parameter.Modifiers[0].LeadingTrivia : default;
        foreach (var modifier in parameter.Modifiers)
        {
            if (!modifier.IsKind(SyntaxKind.RefKeyword) && !modifier.IsKind(SyntaxKind.OutKeyword)
                && !modifier.IsKind(SyntaxKind.InKeyword) && !modifier.IsKind(SyntaxKind.ReadOnlyKeyword))
            {
                kept = kept.Add(modifier);
            }
        }

        var result = parameter.WithModifiers(kept);
        if (result.Type is { } type)
        {
            result = result.WithType(type.WithLeadingTrivia(kept.Count == 0 ? leading : type.GetLeadingTrivia()));
        }

        return result;
    }
}
