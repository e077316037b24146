using Switchboard.Analyzers.CodeFixes;
using Switchboard.Analyzers.Rules;
using Switchboard.Analyzers.Tests.Support;

namespace Switchboard.Analyzers.Tests.CodeFixes;

public sealed class ScopeCodeFixTests
{
    [Fact]
    public async Task Invalid_scope_strings_become_their_known_letters_once_in_canonical_order()
    {
        var source = Sources.Send("""
                gateway.SendMessage("X", "h", scope: {|SWB0003:"GCQ"|});
                gateway.SendMessage("X", "h", scope: {|SWB0003:"S,S"|});
                gateway.SendMessage("X", "h", scope: {|SWB0003:""|});
                """);
        var fixedSource = Sources.Send("""
                gateway.SendMessage("X", "h", scope: "CG");
                gateway.SendMessage("X", "h", scope: "S");
                gateway.SendMessage("X", "h", scope: null);
                """);
        await Verify<InvalidScopeAnalyzer>.CodeFixAsync<ScopeCodeFixProvider>(source, fixedSource);
    }

    [Fact]
    public async Task A_scope_is_narrowed_to_where_the_handler_is_declared_as_a_string_or_as_Scope_flags()
    {
        var source = Sources.ProjectX + Sources.Send("""
                gateway.SendMessage("X", "testHandler", scope: {|SWB0004:"CGS"|});
                await gateway.SendAsync("X", "record", scope: {|SWB0004:ScopeCode.All|});
                await gateway.SendAsync("X", "test", scope: {|SWB0004:Scope.Gateway|});
                """);
        var fixedSource = Sources.ProjectX + Sources.Send("""
                gateway.SendMessage("X", "testHandler", scope: "CG");
                await gateway.SendAsync("X", "record", scope: Scope.Client | Scope.Gateway);
                await gateway.SendAsync("X", "test", scope: Scope.Session);
                """);
        await Verify<ScopeWithoutHandlerAnalyzer>.CodeFixAsync<ScopeCodeFixProvider>(source, fixedSource);
    }

    [Fact]
    public async Task A_gateway_only_scope_with_filters_is_widened_to_the_handler_clients_and_sessions()
    {
        // testHandler has a client handler: widen to CG. An unknown handler: widen to every scope.
        var source = Sources.ProjectX + Sources.Send("""
                gateway.SendMessage("X", "testHandler", scope: {|SWB0008:"G"|}, user: "Bob");
                await gateway.SendAsync("X", "elsewhere", scope: {|SWB0008:Scope.Gateway|}, hostName: "hmi-1");
                """);
        var fixedSource = Sources.ProjectX + Sources.Send("""
                gateway.SendMessage("X", "testHandler", scope: "CG", user: "Bob");
                await gateway.SendAsync("X", "elsewhere", scope: Scope.Client | Scope.Gateway | Scope.Session, hostName: "hmi-1");
                """);
        await Verify<GatewayOnlyFiltersAnalyzer>.CodeFixAsync<ScopeCodeFixProvider>(source, fixedSource);
    }

    [Fact]
    public async Task Scopes_of_sends_to_a_referenced_project_are_narrowed_from_its_manifest()
    {
        var source = Sources.Send("""gateway.SendMessage("Lib", "alert", scope: {|SWB0004:"CGS"|});""");
        var fixedSource = Sources.Send("""gateway.SendMessage("Lib", "alert", scope: "CS");""");
        await Verify<ScopeWithoutHandlerAnalyzer>.CodeFixAsync<ScopeCodeFixProvider>(
            source, fixedSource, Sources.LibraryManifest, title: "Narrow the scope to \"CS\"");
    }

    [Fact]
    public async Task A_scope_with_no_declared_part_is_changed_to_where_the_handler_is()
    {
        var source = Sources.ProjectX + Sources.Send("""gateway.SendMessage("X", "test", scope: {|SWB0004:"CG"|});""");
        var fixedSource = Sources.ProjectX + Sources.Send("""gateway.SendMessage("X", "test", scope: "S");""");
        await Verify<ScopeWithoutHandlerAnalyzer>.CodeFixAsync<ScopeCodeFixProvider>(source, fixedSource, title: "Change the scope to \"S\"");
    }

    [Fact]
    public async Task The_fixes_are_titled_with_what_they_write()
    {
        var invalid = Sources.Send("""gateway.SendMessage("X", "h", scope: {|SWB0003:"gq"|});""");
        await Verify<InvalidScopeAnalyzer>.CodeFixAsync<ScopeCodeFixProvider>(
            invalid, Sources.Send("""gateway.SendMessage("X", "h", scope: "G");"""), title: "Use scope \"G\"");
        var empty = Sources.Send("""gateway.SendMessage("X", "h", scope: {|SWB0003:""|});""");
        await Verify<InvalidScopeAnalyzer>.CodeFixAsync<ScopeCodeFixProvider>(
            empty, Sources.Send("""gateway.SendMessage("X", "h", scope: null);"""), title: "Use the default scope");
        var filters = Sources.Send("""gateway.SendMessage("X", "h", scope: {|SWB0008:"G"|}, user: "Bob");""");
        await Verify<GatewayOnlyFiltersAnalyzer>.CodeFixAsync<ScopeCodeFixProvider>(
            filters, Sources.Send("""gateway.SendMessage("X", "h", scope: "CGS", user: "Bob");"""), title: "Widen the scope to \"CGS\"");
    }
}
