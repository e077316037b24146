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
}
