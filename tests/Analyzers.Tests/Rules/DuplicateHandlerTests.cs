using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.DuplicateHandlerAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class DuplicateHandlerTests
{
    [Fact]
    public async Task Two_handlers_with_one_name_in_an_overlapping_scope_are_both_reported()
    {
        var source = """
            [assembly: MessagingProject("X")]

            public static class Handlers
            {
                [MessageHandler({|#0:"update"|}, Scope.Gateway | Scope.Client)]
                public static void First() { }

                [MessageHandler({|#1:"update"|}, Scope.Client)]
                public static void Second() { }
            }

            """;
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.DuplicateHandler).WithLocation(0).WithArguments("Project 'X' already has a Client handler named 'update' (Handlers.Second)"),
            new DiagnosticResult(DiagnosticDescriptors.DuplicateHandler).WithLocation(1).WithArguments("Project 'X' already has a Client handler named 'update' (Handlers.First)"));
    }

    [Fact]
    public async Task One_name_in_different_scopes_or_different_projects_is_not_a_duplicate()
    {
        var source = """
            public static class Handlers
            {
                [MessageHandler("update", Scope.Gateway)]
                public static void OnGateway() { }

                [MessageHandler("update", Scope.Client | Scope.Session)]
                public static void OnClientsAndSessions() { }

                [MessageHandler("update", Project = "Other")]
                public static void InAnotherProject() { }
            }

            """;
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task A_handler_that_a_referenced_assembly_already_declares_in_the_same_project_is_reported()
    {
        var source = """
            [assembly: MessagingProject("Lib")]

            public static class Handlers
            {
                [MessageHandler({|#0:"reading"|})]
                public static void Reading() { }

                [MessageHandler("reading", Scope.Client)]
                public static void ClientReading() { }
            }

            """;
        await Verifier.AnalyzerAsync(
            source,
            Sources.LibraryManifest,
            new DiagnosticResult(DiagnosticDescriptors.DuplicateHandler).WithLocation(0).WithArguments("Project 'Lib' already has a Gateway handler named 'reading' (assembly Lib)"));
    }
}
