using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Rules;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.UnknownHandlerNameAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class UnknownHandlerNameTests
{
    [Fact]
    public async Task A_handler_name_the_project_does_not_declare_is_an_error_that_suggests_the_closest_name()
    {
        var source = Sources.ProjectX + Sources.Send("""gateway.SendMessage("X", {|#0:"tsetHandler"|}, scope: "G");""");
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.UnknownHandlerName).WithLocation(0).WithArguments("X", "tsetHandler", "; did you mean 'testHandler'?"));
    }

    [Fact]
    public async Task Every_send_api_is_checked_including_requests_and_constants()
    {
        var source = Sources.ProjectX + """
            public static class Names
            {
                public const string Typo = "ad";
            }

            """ + Sources.Send("""
                await gateway.SendAsync("X", {|SWB0001:"nope"|});
                await gateway.SendRequestAsync("X", {|SWB0001:Names.Typo|});
                await gateway.SendRequestAsync<int>(project: "X", messageHandler: {|SWB0001:$"{Names.Typo}d2"|});
                gateway.SendMessage("X", {|SWB0001:nameof(Names)|});
                """);
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Declared_names_non_constant_names_and_unknown_projects_are_not_reported()
    {
        // Near misses: the exact name, a name only known at run time, and a project this rule leaves to SWB0002.
        var source = Sources.ProjectX + Sources.Send("""
                gateway.SendMessage("X", "testHandler", scope: "CG");
                var name = Environment.GetEnvironmentVariable("HANDLER") ?? "x";
                gateway.SendMessage("X", name);
                gateway.SendMessage("Y", "tsetHandler");
                await gateway.SendRequestAsync<int>("X", "add");
                """);
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Nothing_is_reported_when_no_handler_is_known_at_all()
    {
        // A compilation with hand-written registries only: the analyzers cannot know its names, so they stay silent.
        await Verifier.AnalyzerAsync(Sources.Send("""gateway.SendMessage("X", "anything");"""));
    }

    [Fact]
    public async Task Handlers_of_a_referenced_assembly_are_known_from_its_manifest()
    {
        var source = Sources.Send("""
                gateway.SendMessage("Lib", "reading");
                gateway.SendMessage("Lib", {|#0:"Reading"|});
                """);
        await Verifier.AnalyzerAsync(
            source,
            Sources.LibraryManifest,
            new DiagnosticResult(DiagnosticDescriptors.UnknownHandlerName).WithLocation(0).WithArguments("Lib", "Reading", "; did you mean 'reading'?"));
    }
}
