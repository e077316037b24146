using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.GatewayOnlyFiltersAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class GatewayOnlyFiltersTests
{
    [Fact]
    public async Task Filters_on_a_gateway_only_send_are_a_warning_on_the_scope_that_names_the_filters()
    {
        var source = Sources.Send("""gateway.SendMessage("X", "h", scope: {|#0:"G"|}, user: {|#1:"Bob"|}, hostName: {|#2:"hmi-1"|});""");
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.GatewayOnlyFilters).WithLocation(0).WithLocation(1).WithLocation(2)
                .WithArguments("The filters user and hostName", "", "G"));
    }

    [Fact]
    public async Task A_Scope_value_and_a_non_constant_filter_count_too()
    {
        var source = Sources.Send("""
                var sessionId = Console.ReadLine();
                await gateway.SendAsync("X", "h", scope: {|#0:Scope.Gateway|}, clientSessionId: {|#1:sessionId|});
                """);
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.GatewayOnlyFilters).WithLocation(0).WithLocation(1)
                .WithArguments("The filter clientSessionId", "s", "G"));
    }

    [Fact]
    public async Task Filters_with_clients_or_sessions_in_scope_null_filters_and_the_default_scope_are_not_reported()
    {
        var source = Sources.Send("""
                gateway.SendMessage("X", "h", scope: "CG", user: "Bob");
                gateway.SendMessage("X", "h", scope: "G", user: null);
                gateway.SendMessage("X", "h", user: "Bob");
                await gateway.SendAsync("X", "h", scope: Scope.Gateway | Scope.Session, hasRole: "Operator");
                """);
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Methods_shaped_like_the_generated_typed_stubs_are_checked_too()
    {
        var source = """
            public static class PingStubs
            {
                public static Task SendPingAsync(this IMessageSender sender, Scope? scope = null, string? user = null) => Task.CompletedTask;
            }

            """ + Sources.Send("""
                await gateway.SendPingAsync(scope: {|SWB0008:Scope.Gateway|}, user: "Bob");
                await gateway.SendPingAsync(Scope.Client, "Bob");
                """);
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Sends_to_a_referenced_project_are_checked_the_same_way()
    {
        var source = Sources.Send("""gateway.SendMessage("Lib", "reading", scope: {|SWB0008:"G"|}, hasRole: "Operator");""");
        await Verifier.AnalyzerAsync(source, Sources.LibraryManifest);
    }
}
