using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.UncallableHandlerAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class UncallableHandlerTests
{
    [Fact]
    public async Task A_private_handler_is_an_error_that_says_how_to_fix_it()
    {
        var source = """
            public static class Handlers
            {
                [MessageHandler("hidden")]
                private static void {|#0:Hidden|}() { }
            }

            """;
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.UncallableHandler).WithLocation(0).WithArguments("hidden", "it is private; make it internal or public"));
    }

    [Fact]
    public async Task Generic_nested_private_file_local_abstract_and_local_handlers_are_reported()
    {
        var source = """
            public static class Handlers
            {
                [MessageHandler("generic")]
                public static void {|SWB0007:Generic|}<T>(T payload) { }

                private static class Inner
                {
                    [MessageHandler("inner")]
                    public static void {|SWB0007:Run|}() { }
                }

                public static void Host()
                {
                    [MessageHandler("local")]
                    static void {|SWB0007:Local|}() { }

                    Local();
                }
            }

            public sealed class Box<T>
            {
                [MessageHandler("boxed")]
                public static void {|SWB0007:Open|}() { }
            }

            public abstract class Base
            {
                [MessageHandler("instance")]
                public void {|SWB0007:OnInstance|}() { }
            }

            public struct Counter
            {
                [MessageHandler("counter")]
                public void {|SWB0007:Count|}() { }
            }

            file static class Hidden
            {
                [MessageHandler("fileLocal")]
                public static void {|SWB0007:Run|}() { }
            }

            """;
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Internal_handlers_instance_handlers_of_concrete_classes_and_protected_internal_ones_are_not_reported()
    {
        var source = """
            internal sealed class Handlers
            {
                [MessageHandler("internal")]
                internal static void Internal() { }

                [MessageHandler("instance")]
                public void Instance() { }

                [MessageHandler("protectedInternal")]
                protected internal static void ProtectedInternal() { }

                private static void NotAHandler<T>() { }
            }

            """;
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task A_project_that_references_another_is_checked_on_its_own_handlers_only()
    {
        var source = """
            [assembly: MessagingProject("Lib")]

            public class Handlers
            {
                [MessageHandler("extra")]
                protected internal static void Extra(Lib.Measurement measurement) { }

                [MessageHandler("secret")]
                internal static void {|SWB0007:Secret|}<T>(Lib.Measurement measurement) { }
            }

            """;
        await Verifier.AnalyzerAsync(source, Sources.LibraryManifest);
    }
    private const string StructInstanceMessage =
        "it is an instance method of the struct 'Counter', and the registry keeps one handler instance per endpoint, which must be a class "
        + "(a struct would be copied at every call); make the method static or move it to a class";

    private const string StructHandlers = """
        public struct Counter
        {
            [MessageHandler("count")]
            public void {|#0:Count|}() { }

            [MessageHandler("reset")]
            public static void Reset() { }
        }

        public readonly record struct Tally(int Value)
        {
            [MessageHandler("tally")]
            public void {|#1:Add|}() { }
        }

        """;

    [Fact]
    public async Task An_instance_handler_of_a_struct_or_record_struct_is_an_error_that_says_why_and_how_to_fix_it()
    {
        await Verifier.AnalyzerAsync(
            StructHandlers,
            new DiagnosticResult(DiagnosticDescriptors.UncallableHandler).WithLocation(0).WithArguments("count", StructInstanceMessage),
            new DiagnosticResult(DiagnosticDescriptors.UncallableHandler).WithLocation(1).WithArguments("tally", StructInstanceMessage.Replace("'Counter'", "'Tally'")));
    }

    [Fact]
    public async Task A_static_handler_of_a_struct_and_an_instance_handler_of_a_sealed_class_are_not_reported()
    {
        var source = """
            public struct Counter
            {
                [MessageHandler("reset")]
                public static void Reset() { }
            }

            public sealed class Tally
            {
                [MessageHandler("tally")]
                public void Add() { }
            }

            """;
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task The_generator_skips_the_struct_instance_handler_it_reports_and_keeps_the_static_one()
    {
        var output = await GeneratorOutput.RunAsync("Structs", StructHandlers.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", ""));

        Assert.True(output.Declares("Structs", "reset"));
        Assert.False(output.Declares("Structs", "count"));
        Assert.False(output.Declares("Structs", "tally"));
    }
}
