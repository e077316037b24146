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

    private const string HiddenTypeHandlers = """
        public static class Handlers
        {
            private sealed record Secret(int Code);

            private static class Hidden
            {
                public sealed record Payload(int Code);
            }

            internal sealed record Visible(int Code);

            [MessageHandler("secret")]
            internal static void {|#0:TakeSecret|}(Secret payload) { }

            [MessageHandler("nested")]
            internal static void {|#1:TakeNested|}(Hidden.Payload payload) { }

            [MessageHandler("answer")]
            internal static System.Threading.Tasks.Task<Secret> {|#2:Answer|}() => System.Threading.Tasks.Task.FromResult(new Secret(1));

            [MessageHandler("list")]
            internal static void {|#3:TakeList|}(System.Collections.Generic.List<Secret> payload) { }

            [MessageHandler("visible")]
            internal static Visible TakeVisible(Visible payload) => payload;
        }

        """;

    private const string NameHint = ", and generated code (the invoker, the typed stub and the manifest) must name it; ";

    [Fact]
    public async Task A_private_payload_or_response_type_or_one_inside_a_private_class_is_an_error_that_names_the_type_and_the_access_needed()
    {
        // C# itself rejects these signatures (inconsistent accessibility); the rule adds that the generator skips them.
        await Verifier.AnalyzerAsync(
            HiddenTypeHandlers,
            DiagnosticResult.CompilerError("CS0051").WithLocation(0).WithArguments("Handlers.TakeSecret(Handlers.Secret)", "Handlers.Secret"),
            DiagnosticResult.CompilerError("CS0051").WithLocation(1).WithArguments("Handlers.TakeNested(Handlers.Hidden.Payload)", "Handlers.Hidden.Payload"),
            DiagnosticResult.CompilerError("CS0050").WithLocation(2).WithArguments("Handlers.Answer()", "System.Threading.Tasks.Task<Handlers.Secret>"),
            DiagnosticResult.CompilerError("CS0051").WithLocation(3)
                .WithArguments("Handlers.TakeList(System.Collections.Generic.List<Handlers.Secret>)", "System.Collections.Generic.List<Handlers.Secret>"),
            new DiagnosticResult(DiagnosticDescriptors.UncallableHandler).WithLocation(0)
                .WithArguments("secret", "its payload type 'Handlers.Secret' is private" + NameHint + "make 'Handlers.Secret' internal or public"),
            new DiagnosticResult(DiagnosticDescriptors.UncallableHandler).WithLocation(1)
                .WithArguments("nested", "its payload type 'Handlers.Hidden.Payload' uses 'Handlers.Hidden', which is private" + NameHint + "make 'Handlers.Hidden' internal or public"),
            new DiagnosticResult(DiagnosticDescriptors.UncallableHandler).WithLocation(2)
                .WithArguments("answer", "its response type 'Handlers.Secret' is private" + NameHint + "make 'Handlers.Secret' internal or public"),
            new DiagnosticResult(DiagnosticDescriptors.UncallableHandler).WithLocation(3)
                .WithArguments("list", "its payload type 'List<Handlers.Secret>' uses 'Handlers.Secret', which is private" + NameHint + "make 'Handlers.Secret' internal or public"));
    }

    [Fact]
    public async Task Internal_protected_internal_and_public_payloads_nested_in_internal_types_or_in_generic_arguments_are_not_reported()
    {
        var source = """
            public class Handlers
            {
                internal sealed record Visible(int Code);

                protected internal sealed record Shared(int Code);

                internal static class Outer
                {
                    public sealed record Payload(int Code);
                }

                [MessageHandler("visible")]
                internal static Visible TakeVisible(Visible payload) => payload;

                [MessageHandler("shared")]
                internal static void TakeShared(Shared payload) { }

                [MessageHandler("nested")]
                internal static System.Threading.Tasks.Task<Outer.Payload[]> TakeNested(Outer.Payload payload) =>
                    System.Threading.Tasks.Task.FromResult(new[] { payload });

                [MessageHandler("list")]
                internal static void TakeList(System.Collections.Generic.List<Visible> payload) { }
            }

            """;
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task The_generator_skips_the_handlers_whose_payload_or_response_type_it_cannot_name_and_keeps_the_visible_one()
    {
        var output = await GeneratorOutput.RunAsync("Hiding", HiddenTypeHandlers
            .Replace("{|#0:", "").Replace("{|#1:", "").Replace("{|#2:", "").Replace("{|#3:", "").Replace("|}", ""));

        Assert.True(output.Declares("Hiding", "visible"));
        Assert.False(output.Declares("Hiding", "secret"));
        Assert.False(output.Declares("Hiding", "nested"));
        Assert.False(output.Declares("Hiding", "answer"));
        Assert.False(output.Declares("Hiding", "list"));
    }
}
