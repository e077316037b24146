using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Sends;
using Switchboard.Analyzers.Tests.Support;

namespace Switchboard.Analyzers.Tests;

/// <summary>
/// The per-compilation cache every rule reads through: one set of facts per compilation, each method's declaration
/// and shape, each send's reading and target, and each payload type's members computed once, and nothing carried
/// into another compilation.
/// </summary>
public sealed class CompilationFactsTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Switchboard;

        [assembly: MessagingProject("Plant")]

        namespace Plant;

        public sealed record Reading(string Tag, double Value);

        public static class Handlers
        {
            [MessageHandler("reading", Scope.Gateway)]
            public static void OnReading(Reading reading) { }

            public static void NotAHandler() { }

            public static async Task SendAsync(Gateway gateway)
            {
                await gateway.SendAsync("Plant", "reading", new Reading("T1", 1.0), Scope.Gateway);
                NotAHandler();
            }
        }
        """;

    [Fact]
    public async Task The_facts_are_made_once_per_compilation_and_a_new_compilation_gets_its_own()
    {
        var compilation = await CompileAsync(Source);
        var facts = Facts(compilation);

        Assert.Same(facts, Facts(compilation));
        Assert.Same(facts.Index, Facts(compilation).Index);

        var edited = compilation.WithAssemblyName("Plant2");
        Assert.NotSame(facts, Facts(edited));
        Assert.NotSame(facts.Index, Facts(edited).Index);
    }

    [Fact]
    public async Task A_compilation_without_Switchboard_has_no_facts()
    {
        var references = await TestReferences.Net100.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create("Plain", [CSharpSyntaxTree.ParseText("class C { }")], references);

        Assert.Null(HandlerIndexCache.For(compilation, Options));
        Assert.Null(HandlerIndexCache.For(compilation, Options));
    }

    [Fact]
    public async Task A_method_is_read_once_and_its_shape_classified_once()
    {
        var compilation = await CompileAsync(Source);
        var facts = Facts(compilation);
        var handlers = compilation.GetTypeByMetadataName("Plant.Handlers")!;
        var onReading = (IMethodSymbol)handlers.GetMembers("OnReading").Single();

        var declaration = facts.Declaration(onReading);
        Assert.NotNull(declaration);
        Assert.Same(declaration, facts.Declaration(onReading));
        Assert.Same(declaration!.Shape, facts.Declaration(onReading)!.Shape);
        Assert.Equal("Reading", declaration.Shape.PayloadType!.Name);
        Assert.Null(facts.Declaration((IMethodSymbol)handlers.GetMembers("NotAHandler").Single()));

        // The index is built from the same declarations.
        var known = Assert.Single(facts.Index.Find("Plant")!.Named("reading"));
        Assert.Same(declaration.Shape.PayloadType, known.PayloadType);
    }

    [Fact]
    public async Task A_send_is_read_once_for_every_rule_and_resolved_once()
    {
        var compilation = await CompileAsync(Source);
        var facts = Facts(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var invocations = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(syntax => (IInvocationOperation)model.GetOperation(syntax)!)
            .ToList();
        var send = invocations.Single(invocation => invocation.TargetMethod.Name == "SendAsync");

        var call = facts.Send(send);
        Assert.NotNull(call);
        Assert.Same(call, facts.Send(send));
        Assert.Null(facts.Send(invocations.Single(invocation => invocation.TargetMethod.Name == "NotAHandler")));

        var target = SendTarget.Resolve(call!, facts.Index);
        Assert.NotNull(target);
        Assert.Same(target, SendTarget.Resolve(call!, facts.Index));
        Assert.Equal("reading", Assert.Single(target!.Handlers).Name);

        // Another index (another compilation's) never gets this one's answer.
        var other = Facts(compilation.WithAssemblyName("Plant2"));
        Assert.NotSame(target, SendTarget.Resolve(call!, other.Index));
    }

    [Fact]
    public async Task A_payload_type_is_listed_once()
    {
        var compilation = await CompileAsync(Source);
        var facts = Facts(compilation);
        var reading = compilation.GetTypeByMetadataName("Plant.Reading")!;

        var members = facts.PayloadMembersOf(reading);
        Assert.NotNull(members);
        Assert.Same(members, facts.PayloadMembersOf(reading));
        Assert.Equal(["Tag", "Value"], members!.Names.Order(StringComparer.Ordinal));
        Assert.Same(facts.JsonClosureOf(reading), facts.JsonClosureOf(reading));
    }

    private static readonly AnalyzerOptions Options = new(ImmutableArray<AdditionalText>.Empty);

    private static CompilationFacts Facts(Compilation compilation) => HandlerIndexCache.For(compilation, Options)!;

    private static async Task<Compilation> CompileAsync(string source)
    {
        var compilation = await TestReferences.CompileAsync("Plant", source);
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        return compilation;
    }
}
