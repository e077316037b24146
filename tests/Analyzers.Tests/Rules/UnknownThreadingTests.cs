using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.UnknownThreadingAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class UnknownThreadingTests
{
    private const string Handlers = """
        public static class Handlers
        {
            [MessageHandler("seven", Threading = {|#0:(HandlerThreading)7|})]
            public static void Seven() { }

            [MessageHandler("negative", Scope.Client, Threading = {|#1:(HandlerThreading)(-1)|})]
            public static void Negative() { }

            [MessageHandler("dedicated", Threading = (HandlerThreading)1)]
            public static void Dedicated() { }

            [MessageHandler("inline", Threading = (HandlerThreading)3)]
            public static void Inline() { }
        }

        """;

    [Fact]
    public async Task A_threading_value_outside_HandlerThreading_is_an_error_that_names_the_value()
    {
        await Verifier.AnalyzerAsync(
            Handlers,
            new DiagnosticResult(DiagnosticDescriptors.UnknownThreading).WithLocation(0).WithArguments("seven", 7),
            new DiagnosticResult(DiagnosticDescriptors.UnknownThreading).WithLocation(1).WithArguments("negative", -1));
    }

    [Fact]
    public async Task Every_HandlerThreading_member_and_a_cast_of_a_member_value_are_not_reported()
    {
        var source = """
            public static class Handlers
            {
                [MessageHandler("shared", Threading = HandlerThreading.Shared)]
                public static void Shared() { }

                [MessageHandler("dedicated", Threading = HandlerThreading.Dedicated)]
                public static void Dedicated() { }

                [MessageHandler("ui", Scope.Client, Threading = HandlerThreading.UI)]
                public static void Ui() { }

                [MessageHandler("cast", Scope.Client, Threading = (HandlerThreading)2)]
                public static void Cast() { }

                [MessageHandler("inline", Threading = HandlerThreading.Inline)]
                public static void Inline() { }

                [MessageHandler("default")]
                public static void Default() { }
            }

            """;
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task The_generator_skips_the_handlers_it_reports_and_keeps_the_cast_member()
    {
        var output = await GeneratorOutput.RunAsync("Plant", Handlers.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", ""));

        Assert.True(output.Declares("Plant", "dedicated"));
        Assert.True(output.Declares("Plant", "inline"));
        Assert.False(output.Declares("Plant", "seven"));
        Assert.False(output.Declares("Plant", "negative"));
    }

    [Fact]
    public async Task Sends_do_not_know_a_handler_the_generator_skipped_for_its_threading()
    {
        var source = "[assembly: MessagingProject(\"X\")]\n" + Handlers.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", "") + Sources.Send("""
                gateway.SendMessage("X", "dedicated");
                gateway.SendMessage("X", {|SWB0001:"seven"|});
                """);
        await Verify<Switchboard.Analyzers.Rules.UnknownHandlerNameAnalyzer>.AnalyzerAsync(source);
    }
}
