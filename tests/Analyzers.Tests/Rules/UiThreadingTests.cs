using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.UiThreadingAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class UiThreadingTests
{
    [Fact]
    public async Task UI_threading_on_a_gateway_or_session_handler_is_a_warning_on_the_threading_argument()
    {
        var source = """
            public static class Handlers
            {
                [MessageHandler("refresh", Scope.Client | Scope.Session, {|#0:Threading = HandlerThreading.UI|})]
                public static void Refresh() { }

                [MessageHandler("gateway", {|SWB0013:Threading = HandlerThreading.UI|})]
                public static void OnGateway() { }
            }

            """;
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.UiThreadingOutsideClient).WithLocation(0).WithArguments("refresh", "Client and Session"));
    }

    [Fact]
    public async Task UI_threading_on_a_client_handler_and_other_threading_elsewhere_are_not_reported()
    {
        var source = """
            public static class Handlers
            {
                [MessageHandler("refresh", Scope.Client, Threading = HandlerThreading.UI)]
                public static void Refresh() { }

                [MessageHandler("gateway", Threading = HandlerThreading.Dedicated)]
                public static void OnGateway() { }
            }

            """;
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task A_handler_taking_a_type_from_a_referenced_assembly_is_checked_the_same_way()
    {
        var source = """
            public static class Handlers
            {
                [MessageHandler("measure", Scope.Session, {|SWB0013:Threading = HandlerThreading.UI|})]
                public static void Measure(Lib.Measurement measurement) { }
            }

            """;
        await Verifier.AnalyzerAsync(source, Sources.LibraryManifest);
    }
}
