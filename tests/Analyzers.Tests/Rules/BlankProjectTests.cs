using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.BlankProjectAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class BlankProjectTests
{
    // The testing framework names the tested assembly TestProject.
    private const string AssemblyName = "TestProject";

    private const string HandlerMessage =
        "Handler 'skipped' has a blank Project, so the generator skips it and no message ever reaches it; "
        + "name its project in 1 to 1,024 characters, or remove Project to use the assembly's project 'X'";

    private const string AssemblyMessage =
        "[assembly: MessagingProject] names a blank project, so it is ignored and this assembly's handlers belong to project "
        + "'TestProject' (the assembly name); name the project in 1 to 1,024 characters, or remove the attribute to keep 'TestProject'";

    [Fact]
    public async Task A_whitespace_Project_on_a_handler_is_an_error_that_says_it_is_skipped_and_names_the_assembly_project()
    {
        var source = """
            [assembly: MessagingProject("X")]

            public static class Handlers
            {
                [MessageHandler("skipped", Project = {|#0:" "|})]
                public static void Skipped() { }
            }

            """;
        await Verifier.AnalyzerAsync(source, new DiagnosticResult(DiagnosticDescriptors.BlankProjectName).WithLocation(0).WithArguments(HandlerMessage));
    }

    [Fact]
    public async Task A_Project_or_assembly_project_over_1024_characters_is_reported_with_its_length_and_one_of_1024_is_not()
    {
        var longest = new string('p', 1024);
        var source = $$"""
            [assembly: MessagingProject({|#0:"{{longest}}p"|})]

            public static class Handlers
            {
                [MessageHandler("skipped", Project = {|#1:"{{longest}}p"|})]
                public static void Skipped() { }

                [MessageHandler("kept", Project = "{{longest}}")]
                public static void Kept() { }
            }

            """;
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.BlankProjectName).WithLocation(0).WithArguments(
                "[assembly: MessagingProject] names a 1025-character project, so it is ignored and this assembly's handlers belong to project "
                + "'TestProject' (the assembly name); name the project in 1 to 1,024 characters, or remove the attribute to keep 'TestProject'"),
            new DiagnosticResult(DiagnosticDescriptors.BlankProjectName).WithLocation(1).WithArguments(
                "Handler 'skipped' has a 1025-character Project, so the generator skips it and no message ever reaches it; "
                + "name its project in 1 to 1,024 characters, or remove Project to use the assembly's project 'TestProject'"));
    }

    [Theory]
    [InlineData("\" \"")]
    [InlineData("\"\"")]
    [InlineData("\"\\t\"")]
    public async Task A_blank_assembly_project_is_an_error_that_says_the_assembly_name_is_used(string name)
    {
        var source = $$"""
            [assembly: MessagingProject({|#0:{{name}}|})]

            public static class Handlers
            {
                [MessageHandler("kept")]
                public static void Kept() { }
            }

            """;
        await Verifier.AnalyzerAsync(source, new DiagnosticResult(DiagnosticDescriptors.BlankProjectName).WithLocation(0).WithArguments(AssemblyMessage));
    }

    [Fact]
    public async Task Named_projects_and_an_empty_Project_which_means_the_assembly_project_are_not_reported()
    {
        var source = """
            [assembly: MessagingProject("X")]

            public static class Handlers
            {
                [MessageHandler("own", Project = "")]
                public static void Own() { }

                [MessageHandler("other", Project = "Line 2")]
                public static void Other() { }

                [MessageHandler("plain")]
                public static void Plain() { }
            }

            """;
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task The_generator_skips_the_blank_project_handler_and_puts_a_blank_assembly_project_under_the_assembly_name()
    {
        var skipped = await GeneratorOutput.RunAsync("Plant", """
            [assembly: MessagingProject("X")]

            public static class Handlers
            {
                [MessageHandler("skipped", Project = " ")]
                public static void Skipped() { }

                [MessageHandler("kept", Project = "")]
                public static void Kept() { }
            }

            """);
        Assert.True(skipped.Declares("X", "kept"));
        Assert.DoesNotContain(skipped.ManifestEntries, line => line.Contains("\"skipped\"", StringComparison.Ordinal));

        var fallback = await GeneratorOutput.RunAsync(AssemblyName, """
            [assembly: MessagingProject(" ")]

            public static class Handlers
            {
                [MessageHandler("kept")]
                public static void Kept() { }
            }

            """);
        Assert.True(fallback.Declares(AssemblyName, "kept"));
    }

    [Fact]
    public async Task Sends_see_the_handlers_of_a_blank_assembly_project_under_the_assembly_name_as_the_generator_does()
    {
        var source = """
            [assembly: MessagingProject(" ")]

            public static class Handlers
            {
                [MessageHandler("kept")]
                public static void Kept() { }

                [MessageHandler("skipped", Project = "  ")]
                public static void Skipped() { }
            }

            """ + Sources.Send("""
                gateway.SendMessage("TestProject", "kept");
                gateway.SendMessage("TestProject", {|SWB0001:"skipped"|});
                """);
        await Verify<Switchboard.Analyzers.Rules.UnknownHandlerNameAnalyzer>.AnalyzerAsync(source);
    }
}
