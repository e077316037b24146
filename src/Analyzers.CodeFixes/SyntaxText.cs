using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Switchboard.Analyzers.CodeFixes;

/// <summary>Builds the small expressions the fixes write, keeping the trivia of what they replace.</summary>
internal static class SyntaxText
{
    public static ExpressionSyntax StringLiteral(string value, SyntaxNode replaced) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value))
            .WithTriviaFrom(replaced);

    public static ExpressionSyntax NullLiteral(SyntaxNode replaced) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression).WithTriviaFrom(replaced);

    /// <summary><c>Scope.Client | Scope.Gateway</c> for <c>"CG"</c>, fully qualified and marked for simplification.</summary>
    public static ExpressionSyntax ScopeFlags(string letters, SyntaxNode replaced)
    {
        var names = new List<string>(3);
        foreach (var letter in letters)
        {
            names.Add(letter switch
            {
                'C' => "Client",
                'G' => "Gateway",
                _ => "Session",
            });
        }

        // Each member access is marked on its own: the simplifier reduces marked names, not names inside a marked '|'.
        ExpressionSyntax? result = null;
        foreach (var name in names)
        {
            var flag = SyntaxFactory.ParseExpression("global::Switchboard.Scope." + name).WithAdditionalAnnotations(Simplifier.Annotation);
            result = result is null
                ? flag
                : SyntaxFactory.BinaryExpression(
                    SyntaxKind.BitwiseOrExpression,
                    result,
                    SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.BarToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                    flag);
        }

        return result!.WithTriviaFrom(replaced);
    }
}
