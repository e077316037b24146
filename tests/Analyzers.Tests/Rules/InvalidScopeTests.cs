using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.InvalidScopeAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class InvalidScopeTests
{
    [Fact]
    public async Task Unknown_repeated_and_empty_scope_letters_are_errors_in_the_runtime_words()
    {
        var source = Sources.Send("""
                gateway.SendMessage("X", "h", scope: {|#0:"CQ"|});
                gateway.SendMessage("X", "h", null, {|#1:"GG"|});
                gateway.SendMessage("X", "h", scope: {|#2:""|});
                """);
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.InvalidScope).WithLocation(0)
                .WithArguments("The scope string \"CQ\" has the unknown letter 'Q'; the allowed letters are C, G, S"),
            new DiagnosticResult(DiagnosticDescriptors.InvalidScope).WithLocation(1)
                .WithArguments("The scope string \"GG\" repeats the letter 'G'; use each of C, G, S at most once"),
            new DiagnosticResult(DiagnosticDescriptors.InvalidScope).WithLocation(2)
                .WithArguments("A scope string must not be empty; use one or more of the letters C, G, S"));
    }

    [Fact]
    public async Task A_constant_scope_value_outside_the_three_flags_is_an_error()
    {
        var source = Sources.Send("""
                await gateway.SendAsync("X", "h", scope: {|SWB0003:(Scope)8|});
                await gateway.SendAsync("X", "h", scope: {|SWB0003:0|});
                """);
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Valid_scopes_in_any_order_and_case_null_and_non_constant_scopes_are_not_reported()
    {
        var source = Sources.Send("""
                const string Both = "gc";
                gateway.SendMessage("X", "h", scope: "SGC");
                gateway.SendMessage("X", "h", scope: Both);
                gateway.SendMessage("X", "h", scope: null);
                gateway.SendMessage("X", "h", scope: Console.ReadLine());
                await gateway.SendAsync("X", "h", scope: Scope.Client | Scope.Session);
                await gateway.SendAsync("X", "h", scope: ScopeCode.All);
                """);
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task A_string_scope_parameter_of_an_api_that_sends_no_message_is_not_a_Switchboard_scope()
    {
        // An OAuth-style "scope" has nothing to do with C, G and S.
        var source = """
            public static class Tokens
            {
                public static string Request(string clientId, string scope) => clientId + scope;
            }

            """ + Sources.Send("""_ = Tokens.Request("app", "openid profile");""");
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Scope_strings_are_checked_on_sends_to_handlers_of_a_referenced_assembly()
    {
        var source = Sources.Send("""gateway.SendMessage("Lib", "alert", scope: {|SWB0003:"CX"|});""");
        await Verifier.AnalyzerAsync(source, Sources.LibraryManifest);
    }

    private const string DeclaredScopes = """
        public static class Handlers
        {
            [MessageHandler("zero", {|#0:(Scope)0|})]
            public static void Zero() { }

            [MessageHandler("eight", scope: {|#1:(Scope)8|})]
            public static void Eight() { }

            [MessageHandler("all", (Scope)7)]
            public static void All() { }

            [MessageHandler("clientAndSession", Scope.Client | Scope.Session)]
            public static void ClientAndSession() { }

            [MessageHandler("default")]
            public static void Default() { }
        }

        """;

    private static string Message(string handler, int value) =>
        $"Handler '{handler}' has the scope value {value}, which is not a non-empty combination of Scope.Client, Scope.Gateway and Scope.Session (1 to 7), "
        + "so the generator skips it and no message ever reaches it; use Scope.Gateway, Scope.Client, Scope.Session or a combination such as Scope.Client | Scope.Session";

    [Fact]
    public async Task A_handler_declared_with_a_scope_value_outside_1_to_7_is_an_error_that_says_the_generator_skips_it()
    {
        await Verifier.AnalyzerAsync(
            DeclaredScopes,
            new DiagnosticResult(DiagnosticDescriptors.InvalidScope).WithLocation(0).WithArguments(Message("zero", 0)),
            new DiagnosticResult(DiagnosticDescriptors.InvalidScope).WithLocation(1).WithArguments(Message("eight", 8)));
    }

    [Fact]
    public async Task Declared_scopes_1_to_7_written_as_a_cast_or_a_combination_and_the_default_scope_are_not_reported()
    {
        var source = """
            public static class Handlers
            {
                [MessageHandler("one", (Scope)1)]
                public static void One() { }

                [MessageHandler("seven", scope: (Scope)7)]
                public static void Seven() { }

                [MessageHandler("clientAndGateway", Scope.Client | Scope.Gateway)]
                public static void ClientAndGateway() { }

                [MessageHandler("default")]
                public static void Default() { }
            }

            """;
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task The_generator_skips_the_handlers_declared_with_an_invalid_scope_and_keeps_the_valid_ones()
    {
        var output = await GeneratorOutput.RunAsync("Plant", DeclaredScopes.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", ""));

        Assert.True(output.Declares("Plant", "all"));
        Assert.True(output.Declares("Plant", "clientAndSession"));
        Assert.True(output.Declares("Plant", "default"));
        Assert.False(output.Declares("Plant", "zero"));
        Assert.False(output.Declares("Plant", "eight"));
    }

    [Fact]
    public async Task The_scope_of_a_stub_shaped_like_a_gateway_only_one_without_filters_is_checked()
    {
        var source = Sources.Send("""
                await gateway.SendAddAsync(scope: {|#0:(Scope)8|});
                """, extra: """
                public static class Stubs
                {
                    public static ValueTask<DeliveryReport> SendAddAsync(
                        this IMessageSender sender, Scope? scope = null, IReadOnlyList<string>? remoteServers = null, CancellationToken cancellationToken = default) => default;
                }
                """);
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.InvalidScope).WithLocation(0)
                .WithArguments("The scope value 8 is not a non-empty combination of Scope.Client, Scope.Gateway and Scope.Session"));
    }
}
