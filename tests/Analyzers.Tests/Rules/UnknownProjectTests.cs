using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.UnknownProjectAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class UnknownProjectTests
{
    [Fact]
    public async Task A_project_nobody_declares_is_a_warning_that_suggests_the_closest_project()
    {
        var source = Sources.ProjectX + Sources.Send("""gateway.SendMessage({|#0:"x"|}, "testHandler");""");
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.UnknownProject).WithLocation(0).WithArguments("x", "; did you mean 'X'?"));
    }

    [Fact]
    public async Task A_project_with_no_close_name_is_reported_without_a_suggestion()
    {
        var source = Sources.ProjectX + Sources.Send("""await gateway.SendRequestAsync<int>({|#0:"Inventory"|}, "add");""");
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.UnknownProject).WithLocation(0).WithArguments("Inventory", ""));
    }

    [Fact]
    public async Task Known_projects_and_non_constant_projects_are_not_reported()
    {
        var source = Sources.ProjectX + Sources.Send("""
                gateway.SendMessage("X", "testHandler");
                gateway.SendMessage(gateway.Name, "testHandler");
                """);
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task A_project_known_only_from_a_referenced_manifest_is_known()
    {
        var source = Sources.Send("""
                gateway.SendMessage("Lib", "reading");
                gateway.SendMessage({|#0:"Lbi"|}, "reading");
                """);
        await Verifier.AnalyzerAsync(
            source,
            Sources.LibraryManifest,
            new DiagnosticResult(DiagnosticDescriptors.UnknownProject).WithLocation(0).WithArguments("Lbi", "; did you mean 'Lib'?"));
    }

    [Fact]
    public async Task The_assembly_name_is_the_project_when_no_MessagingProject_attribute_names_one()
    {
        // The test project's assembly is "TestProject"; its handler belongs to that project.
        var source = """
            public static class Handlers
            {
                [MessageHandler("ping")]
                public static void Ping() { }
            }

            """ + Sources.Send("""
                gateway.SendMessage("TestProject", "ping");
                gateway.SendMessage({|SWB0002:"X"|}, "ping");
                """);
        await Verifier.AnalyzerAsync(source);
    }
}
