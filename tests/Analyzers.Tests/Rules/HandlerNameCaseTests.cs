using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.HandlerNameCaseAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class HandlerNameCaseTests
{
    [Fact]
    public async Task Names_that_differ_only_by_case_are_a_warning_on_each()
    {
        var source = """
            [assembly: MessagingProject("X")]

            public static class Handlers
            {
                [MessageHandler({|#0:"testHandler"|})]
                public static void Lower() { }

                [MessageHandler({|#1:"TestHandler"|}, Scope.Client)]
                public static void Upper() { }
            }

            """;
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.HandlerNamesDifferByCase).WithLocation(0).WithArguments("testHandler", "TestHandler", "project 'X'", "Handlers.Upper"),
            new DiagnosticResult(DiagnosticDescriptors.HandlerNamesDifferByCase).WithLocation(1).WithArguments("TestHandler", "testHandler", "project 'X'", "Handlers.Lower"));
    }

    [Fact]
    public async Task The_same_name_in_two_scopes_and_case_twins_in_different_projects_are_not_reported()
    {
        var source = """
            public static class Handlers
            {
                [MessageHandler("testHandler")]
                public static void OnGateway() { }

                [MessageHandler("testHandler", Scope.Client)]
                public static void OnClient() { }

                [MessageHandler("TestHandler", Project = "Other")]
                public static void InOther() { }
            }

            """;
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task A_case_twin_of_a_handler_in_a_referenced_assembly_of_the_same_project_is_reported()
    {
        var source = """
            [assembly: MessagingProject("Lib")]

            public static class Handlers
            {
                [MessageHandler({|#0:"Alert"|})]
                public static void Alert() { }
            }

            """;
        await Verifier.AnalyzerAsync(
            source,
            Sources.LibraryManifest,
            new DiagnosticResult(DiagnosticDescriptors.HandlerNamesDifferByCase).WithLocation(0).WithArguments("Alert", "alert", "project 'Lib'", "assembly Lib"));
    }
}
