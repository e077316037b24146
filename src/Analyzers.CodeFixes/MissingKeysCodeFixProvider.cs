using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Switchboard.Analyzers.CodeFixes;

/// <summary>
/// SWB0012 (a dictionary without a key the payload type requires): adds each missing key with a placeholder value
/// (<c>""</c>, <c>0</c>, <c>false</c> or <c>default(T)</c>) in the style the dictionary is written in, <c>["Key"] = v</c>
/// or <c>{ "Key", v }</c>. The analyzer names the keys and values; this only writes them.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingKeysCodeFixProvider))]
[Shared]
internal sealed class MissingKeysCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.DictionaryPayloadKeysId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.MissingKeys, out var keys) || keys is null
                || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Placeholders, out var values) || values is null
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BaseObjectCreationExpressionSyntax { Initializer: { } initializer })
            {
                continue;
            }

            var entries = keys.Split('\n').Zip(values.Split('\n'), (key, value) => (Key: key, Value: value)).ToList();
            var title = entries.Count == 1 ? $"Add the key '{entries[0].Key}'" : "Add the missing keys";
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(initializer, WithEntries(initializer, entries)))),
                    equivalenceKey: diagnostic.Id + ".MissingKeys"),
                diagnostic);
        }
    }

    private static InitializerExpressionSyntax WithEntries(InitializerExpressionSyntax initializer, List<(string Key, string Value)> entries)
    {
        var asPairs = initializer.Expressions.Count > 0 && initializer.Expressions.All(element => element.IsKind(SyntaxKind.ComplexElementInitializerExpression));
        var added = entries.Select(entry => asPairs ? Pair(entry.Key, entry.Value) : Indexer(entry.Key, entry.Value));
        return initializer.AddExpressions(added.ToArray()).WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static ExpressionSyntax Indexer(string key, string value) =>
        SyntaxFactory.AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxFactory.ImplicitElementAccess(SyntaxFactory.BracketedArgumentList(
                SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(KeyLiteral(key))))),
            Value(value));

    private static ExpressionSyntax Pair(string key, string value) =>
        SyntaxFactory.InitializerExpression(
            SyntaxKind.ComplexElementInitializerExpression,
            SyntaxFactory.SeparatedList(new[] { KeyLiteral(key), Value(value) }));

    private static ExpressionSyntax KeyLiteral(string key) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(key));

    // default(global::T) is simplified to default(T) where T is in scope; the type carries the annotation, as the
    // simplifier reduces marked names only.
    private static ExpressionSyntax Value(string value) => SyntaxFactory.ParseExpression(value) switch
    {
        DefaultExpressionSyntax defaultValue => defaultValue.WithType(defaultValue.Type.WithAdditionalAnnotations(Simplifier.Annotation)),
        var literal => literal,
    };
}
