using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Switchboard.Analyzers.Sends;

namespace Switchboard.Analyzers.CodeFixes;

/// <summary>
/// The compiler's CS1739 ("does not have a parameter named 'user'") on a generated stub: the stub belongs to a handler
/// that only the gateway declares, where the clientSessionId, user, hasRole and hostName filters never apply, so the
/// generator left them out. The fix removes the filter from the call.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GatewayStubFilterCodeFixProvider))]
[Shared]
internal sealed class GatewayStubFilterCodeFixProvider : CodeFixProvider
{
    /// <summary>CS1739: the best overload has no parameter of that name.</summary>
    private const string NoParameterOfThatNameId = "CS1739";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(NoParameterOfThatNameId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var argument = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<ArgumentSyntax>();
            if (argument?.NameColon?.Name.Identifier.ValueText is not { } name
                || !FilterParameters.IsFilter(name)
                || argument.Parent?.Parent is not InvocationExpressionSyntax invocation
                || !CallsGeneratedStub(model.GetSymbolInfo(invocation, context.CancellationToken)))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Remove the '{name}' filter: it never applies to the gateway",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.RemoveNode(argument, SyntaxRemoveOptions.KeepNoTrivia)!)),
                    equivalenceKey: NoParameterOfThatNameId + ".GatewayStubFilter"),
                diagnostic);
        }
    }

    /// <summary>Whether the call's only candidates are stubs the Switchboard generator wrote.</summary>
    private static bool CallsGeneratedStub(SymbolInfo info)
    {
        var candidates = info.Symbol is { } symbol ? ImmutableArray.Create(symbol) : info.CandidateSymbols;
        return !candidates.IsEmpty && candidates.All(IsGatewayOnlyStub);
    }

    /// <summary>
    /// A stub of a gateway-only name: a method declared in a stubs file of a class the generator wrote, taking
    /// <c>remoteServers</c> and none of the filters. Where it is declared matters, because the class is partial and a
    /// user may add methods of the same shape to it.
    /// </summary>
    private static bool IsGatewayOnlyStub(ISymbol candidate) =>
        candidate is IMethodSymbol method
        && method.Parameters.Any(parameter => parameter.Name == "remoteServers")
        && !method.Parameters.Any(parameter => FilterParameters.IsFilter(parameter.Name))
        && method.DeclaringSyntaxReferences.Length == 1
        && method.DeclaringSyntaxReferences[0].SyntaxTree.FilePath.EndsWith(GeneratedBy.StubsFileSuffix, System.StringComparison.Ordinal)
        && method.ContainingType is { } type
        && IsGenerated(type);

    private static bool IsGenerated(INamedTypeSymbol type) =>
        type.GetAttributes().Any(attribute =>
            attribute.AttributeClass?.ToDisplayString() == "System.CodeDom.Compiler.GeneratedCodeAttribute"
            && attribute.ConstructorArguments.Length > 0
            && attribute.ConstructorArguments[0].Value as string == GeneratedBy.Tool);
}
