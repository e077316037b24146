using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.InlineThreadingAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class InlineThreadingTests
{
    [Fact]
    public async Task Inline_threading_on_a_client_or_session_handler_is_a_warning_on_the_threading_argument()
    {
        var source = """
            public static class Handlers
            {
                [MessageHandler("tick", Scope.Gateway | Scope.Session, {|#0:Threading = HandlerThreading.Inline|})]
                public static void Tick() { }

                [MessageHandler("client", Scope.Client, {|SWB0022:Threading = HandlerThreading.Inline|})]
                public static void OnClient() { }
            }

            """;
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.InlineThreadingOutsideGateway).WithLocation(0).WithArguments("tick", "Gateway and Session"));
    }

    [Fact]
    public async Task Inline_threading_on_a_gateway_handler_and_other_threading_elsewhere_are_not_reported()
    {
        var source = """
            public static class Handlers
            {
                [MessageHandler("tick", Threading = HandlerThreading.Inline)]
                public static void Tick() { }

                [MessageHandler("tick", Scope.Session)]
                public static void TickInSessions() { }

                [MessageHandler("refresh", Scope.Client, Threading = HandlerThreading.UI)]
                public static void Refresh() { }
            }

            """;
        await Verifier.AnalyzerAsync(source);
    }
}
