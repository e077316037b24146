using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.CodeFixes;
using Switchboard.Analyzers.Tests.Support;

namespace Switchboard.Analyzers.Tests.CodeFixes;

/// <summary>
/// The stubs of a handler that only the gateway declares (or answers) have no filter parameters, so passing one is the
/// compiler's CS1739; the fix removes it. The stubs are the real generator's output for the test's handlers, added to
/// the project as sources (the test workspace does not run generators for the fix's semantic model, as an IDE does).
/// </summary>
public sealed class GatewayStubFilterCodeFixTests
{
    [Fact]
    public async Task A_filter_passed_to_a_gateway_only_stub_is_removed()
    {
        var source = Sources.ProjectX + Sources.Send("""
                await gateway.SendAddAsync(new Numbers(1, 2), {|CS1739:user|}: "ann");
                await gateway.SendNotifyAsync(scope: Scope.Gateway, {|CS1739:hasRole|}: "Operator", remoteServers: ["north"]);
                await gateway.RequestAddAllAsync(new Numbers(1, 2), {|CS1739:hostName|}: "hmi-1");
                await foreach (var result in gateway.RequestAddAllStreamAsync(new Numbers(1, 2), {|CS1739:clientSessionId|}: "s-1")) { }
                """);
        var fixedSource = Sources.ProjectX + Sources.Send("""
                await gateway.SendAddAsync(new Numbers(1, 2));
                await gateway.SendNotifyAsync(scope: Scope.Gateway, remoteServers: ["north"]);
                await gateway.RequestAddAllAsync(new Numbers(1, 2));
                await foreach (var result in gateway.RequestAddAllStreamAsync(new Numbers(1, 2))) { }
                """);
        await RunAsync(source, fixedSource, checkTitles: true);
    }

    [Fact]
    public async Task Filters_of_stubs_that_offer_them_and_other_unknown_names_get_no_fix()
    {
        // testHandler is declared in clients too, so its stub takes a user filter; "usr" is a typo, not a filter;
        // Helpers.Send is the user's own method, and so is XMessages.Ping, although the generator's partial class
        // holds it: none is the generator's stub to fix.
        var source = Sources.ProjectX + Sources.Send("""
                await gateway.SendTestHandlerAsync(new Dictionary<string, object?>(), user: "ann");
                await gateway.SendAddAsync(new Numbers(1, 2), {|CS1739:usr|}: "ann");
                Helpers.Send({|CS1739:user|}: "ann");
                gateway.Ping({|CS1739:user|}: "ann");
                """) + """

            public static class Helpers
            {
                public static void Send(string? scope = null) { }
            }

            namespace TestProject
            {
                public static partial class XMessages
                {
                    public static void Ping(this IMessageSender sender, Scope? scope = null, IReadOnlyList<string>? remoteServers = null) { }
                }
            }

            """;
        await RunAsync(source, source);
    }

    private static async Task RunAsync(string source, string fixedSource, bool checkTitles = false)
    {
        var test = new CSharpCodeFixTest<EmptyDiagnosticAnalyzer, GatewayStubFilterCodeFixProvider, DefaultVerifier> { ReferenceAssemblies = TestReferences.Net100 };
        if (checkTitles)
        {
            test.CodeActionVerifier = (action, verifier) => verifier.True(
                System.Text.RegularExpressions.Regex.IsMatch(action.Title, "^Remove the '(clientSessionId|user|hasRole|hostName)' filter: it never applies to the gateway$"),
                $"code fix title: {action.Title}");
        }

        if (fixedSource == source)
        {
            test.NumberOfIncrementalIterations = 0;
            test.NumberOfFixAllIterations = 0;
        }

        test.TestState.Sources.Add(TestReferences.Usings + source);
        test.TestState.AdditionalReferences.Add(TestReferences.Switchboard);
        test.FixedState.Sources.Add(TestReferences.Usings + fixedSource);
        foreach (var generated in (await GeneratorOutput.RunAsync("TestProject", Sources.ProjectX)).Sources)
        {
            test.TestState.Sources.Add((generated.HintName, generated.SourceText));
            test.FixedState.Sources.Add((generated.HintName, generated.SourceText));
        }
        await test.RunAsync();
    }
}
