using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.ScopeWithoutHandlerAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class ScopeWithoutHandlerTests
{
    [Fact]
    public async Task A_scope_letter_where_the_handler_is_not_declared_is_a_warning_that_names_it()
    {
        var source = Sources.ProjectX + Sources.Send("""gateway.SendMessage("X", "testHandler", scope: {|#0:"CGS"|});""");
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.ScopeWithoutHandler).WithLocation(0)
                .WithArguments("Handler 'testHandler' of project 'X' is declared in scope Client and Gateway, so the Session part of scope CGS reaches nobody"));
    }

    [Fact]
    public async Task A_Scope_value_is_checked_like_a_string()
    {
        var source = Sources.ProjectX + Sources.Send("""await gateway.SendAsync("X", "test", scope: {|SWB0004:Scope.Gateway|});""");
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Scopes_within_the_declared_ones_and_default_scopes_are_not_reported()
    {
        var source = Sources.ProjectX + Sources.Send("""
                gateway.SendMessage("X", "testHandler", scope: "GC");
                gateway.SendMessage("X", "testHandler", scope: "C");
                gateway.SendMessage("X", "testHandler");
                await gateway.SendAsync("X", "test", scope: Scope.Session);
                gateway.SendMessage("X", "unknownHandler", scope: "S");
                """);
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Declared_scopes_come_from_a_referenced_manifest_too()
    {
        var source = Sources.Send("""
                gateway.SendMessage("Lib", "alert", scope: "CS");
                gateway.SendMessage("Lib", "alert", scope: {|SWB0004:"G"|});
                """);
        await Verifier.AnalyzerAsync(source, Sources.LibraryManifest);
    }

    [Fact]
    public async Task A_request_alls_scope_is_checked_like_a_sends()
    {
        var source = Sources.ProjectX + Sources.Send("""await gateway.RequestAllAsync<int>("X", "add", new Numbers(1, 2), scope: {|SWB0004:Scope.Client|});""");
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task A_filter_that_turns_the_default_scope_away_from_a_gateway_only_handler_is_reported_on_the_filter()
    {
        // notify is declared only at the gateway: with a user filter the default is CS, which has no notify.
        var source = Sources.ProjectX + Sources.Send("""
                gateway.SendMessage("X", "notify", {|#0:user: "ann"|});
                await gateway.SendAsync("X", "add", new Numbers(1, 2), hostName: "", {|SWB0004:hasRole: "Operator"|});
                string who = System.Environment.UserName;
                gateway.SendMessage("X", "notify", user: who, {|SWB0004:hasRole: "Operator"|});
                gateway.SendMessage("X", "notify", {|SWB0004:hostName: " "|});
                """);
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.ScopeWithoutHandler).WithLocation(0)
                .WithArguments("Handler 'notify' of project 'X' is declared in scope Gateway, and without a scope the user filter makes Ignition's default "
                    + "scope CS, so this send reaches nobody; drop the filter to reach the gateway (filters never apply there)"));
    }

    [Fact]
    public async Task Default_scopes_that_meet_a_declaration_are_not_reported()
    {
        // testHandler is declared in clients too; an empty or null filter leaves the default CGS; a filter that is not a
        // constant may be empty at run time; an explicit scope is the other rules' concern (SWB0008 for filters on G).
        var source = Sources.ProjectX + Sources.Send("""
                gateway.SendMessage("X", "testHandler", user: "ann");
                gateway.SendMessage("X", "notify", user: "", hasRole: null);
                string who = System.Environment.UserName;
                gateway.SendMessage("X", "notify", user: who);
                gateway.SendMessage("X", "notify", scope: "G", user: "ann");
                gateway.SendMessage("X", "unknownHandler", user: "ann");
                """);
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task A_default_scope_is_checked_against_a_referenced_manifest_too()
    {
        var source = Sources.Send("""
                gateway.SendMessage("Lib", "reading", {|SWB0004:hostName: "hmi-1"|});
                gateway.SendMessage("Lib", "alert", hostName: "hmi-1");
                """);
        await Verifier.AnalyzerAsync(source, Sources.LibraryManifest);
    }
}
