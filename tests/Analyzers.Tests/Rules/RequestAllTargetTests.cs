using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.RequestTargetAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

/// <summary>SWB0009 for request-all: an error only when every handler the request-all's scope selects returns nothing.</summary>
public sealed class RequestAllTargetTests
{
    // status answers in the gateway and in sessions, and returns nothing in clients.
    private const string Status = """
        public static class StatusHandlers
        {
            [MessageHandler("status", Scope.Gateway | Scope.Session)]
            public static int Status() => 1;

            [MessageHandler("status", Scope.Client)]
            public static void StatusOnClient() { }
        }

        """;

    [Fact]
    public async Task A_request_all_to_a_scope_whose_handlers_all_return_nothing_is_an_error()
    {
        var source = Sources.ProjectX + Status + Sources.Send("""
            await gateway.RequestAllAsync<object>("X", {|#0:"test"|}, scope: Scope.Session);
            await gateway.RequestAllAsync<object>("X", {|#1:"status"|}, scope: Scope.Client);
            await foreach (var result in gateway.RequestAllStreamAsync<object>("X", {|#2:"notify"|})) { }
            """);
        await Verifier.AnalyzerAsync(
            source,
            Expected(0, "test", "Session"),
            Expected(1, "status", "Client"),
            Expected(2, "notify", "Gateway"));
    }

    [Fact]
    public async Task The_default_scope_is_Ignitions_and_a_user_filter_makes_it_clients_and_sessions()
    {
        // testHandler returns nothing in G and C. record returns nothing in G and C too; with a user filter the default
        // is CS, which still reaches only its void client declaration.
        var source = Sources.ProjectX + Sources.Send("""
            await gateway.RequestAllAsync<object>("X", {|#0:"testHandler"|});
            await gateway.RequestAllAsync<object>("X", {|#1:"record"|}, user: "ann");
            """);
        await Verifier.AnalyzerAsync(source, Expected(0, "testHandler", "Client and Gateway"), Expected(1, "record", "Client"));
    }

    [Fact]
    public async Task A_request_all_that_reaches_one_handler_that_answers_is_not_reported()
    {
        // status answers in G and S; the default CGS and an explicit CS both reach an answering declaration, and add
        // is a gateway handler with a value, which a request-all to the gateway may ask (unlike a request, scope is free).
        var source = Sources.ProjectX + Status + Sources.Send("""
            await gateway.RequestAllAsync<int>("X", "status");
            await gateway.RequestAllAsync<int>("X", "status", scope: Scope.Client | Scope.Session);
            await gateway.RequestAllAsync<int>("X", "add", new Numbers(1, 2));
            await foreach (var result in gateway.RequestAllStreamAsync<int>("X", "status", user: "ann")) { }
            """);
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task A_filter_that_is_not_a_constant_keeps_the_default_wide_so_nothing_is_reported_in_doubt()
    {
        // With user unknown at compile time the default may be CGS, where status answers in the gateway.
        var source = Sources.ProjectX + """
            public static class Handlers2
            {
                [MessageHandler("status", Scope.Gateway)]
                public static int Status() => 1;

                [MessageHandler("status", Scope.Client | Scope.Session)]
                public static void StatusElsewhere() { }
            }

            public static class Sender2
            {
                public static async Task RunAsync(Gateway gateway, string? user)
                {
                    await gateway.RequestAllAsync<int>("X", "status", user: user);
                    await gateway.RequestAllAsync<int>("X", {|#0:"status"|}, user: "ann");
                }
            }

            """;
        await Verifier.AnalyzerAsync(source, Expected(0, "status", "Client and Session"));
    }

    [Fact]
    public async Task Response_types_from_a_referenced_manifest_count_for_request_all_too()
    {
        var source = Sources.Send("""
                await gateway.RequestAllAsync<int>("Lib", "sum", new Lib.Terms(1, 2));
                await gateway.RequestAllAsync<object>("Lib", {|#0:"alert"|});
                """);
        await Verifier.AnalyzerAsync(source, Sources.LibraryManifest, Expected(0, "alert", "Client and Session", project: "Lib"));
    }

    [Fact]
    public async Task A_merged_manifest_entry_speaks_only_for_its_gateway_declaration()
    {
        // "poll" is declared in G (returning nothing) and in S (a manifest cannot say what): only G is known to be void.
        // "level" has no gateway declaration, so its manifest response type is what its clients answer with.
        const string manifest = """
            [assembly: MessageHandlerManifest("Lib", "poll", Scope.Gateway | Scope.Session, null, null)]
            [assembly: MessageHandlerManifest("Lib", "level", Scope.Client, null, typeof(double))]

            """;
        var source = Sources.Send("""
                await gateway.RequestAllAsync<object>("Lib", "poll");
                await gateway.RequestAllAsync<object>("Lib", "poll", scope: Scope.Session);
                await gateway.RequestAllAsync<object>("Lib", {|#0:"poll"|}, scope: Scope.Gateway);
                await gateway.RequestAllAsync<double>("Lib", "level");
                """);
        await Verifier.AnalyzerAsync(source, manifest, Expected(0, "poll", "Gateway", project: "Lib"));
    }

    private static DiagnosticResult Expected(int location, string handler, string scope, string project = "X") =>
        new DiagnosticResult(DiagnosticDescriptors.InvalidRequestTarget).WithLocation(location)
            .WithArguments(
                handler,
                project,
                $"it returns nothing in scope {scope}, which the request-all asks; a handler that answers returns a value, Task<T> or ValueTask<T>");
}
