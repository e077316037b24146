using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Rules;
using Switchboard.Analyzers.Tests.Support;

namespace Switchboard.Analyzers.Tests.Rules;

/// <summary>
/// Component message sends (<c>SendComponentMessageAsync</c> on a <c>BrowserSession</c>, a component or a
/// <c>Session</c>, and the typed stubs) are checked by the rules that check sends for the same mistake: a blank message
/// type (SWB0010), a scope that throws (SWB0003), a message type nobody handles (SWB0001), a scope nobody listens on
/// (SWB0004), a payload that can never convert (SWB0017).
/// </summary>
public sealed class ComponentSendTests
{
    private const string Components = """
        public sealed record Refresh(int Clicks);

        public sealed class Gauge : MessagingComponentBase
        {
            [ComponentMessageHandler("refresh", ListenScope.Page)]
            private void OnRefresh(Refresh refresh) { }

            [ComponentMessageHandler("tankLevel", ListenScope.Session)]
            private Task OnLevel(double level) => Task.CompletedTask;

            [ComponentMessageHandler("zoom", ListenScope.View | ListenScope.Page)]
            private ValueTask OnZoom() => default;

            private ValueTask<int> ZoomInViewAsync() => SendComponentMessageAsync("zoom", null, ListenScope.View);
        }

        """;

    [Fact]
    public async Task A_correct_program_gets_no_diagnostic_from_any_rule_that_checks_component_messages()
    {
        var source = Components + """
            public static class Sender
            {
                public static async Task RunAsync(BrowserSession browser, Session session, string typed)
                {
                    await browser.SendComponentMessageAsync("refresh", new Refresh(1));
                    await browser.SendComponentMessageAsync("refresh", new Dictionary<string, object?> { ["clicks"] = 2 });
                    await browser.SendComponentMessageAsync("refresh", null);
                    await browser.SendComponentMessageAsync("tankLevel", 42.5, ListenScope.Session);
                    await browser.SendComponentMessageAsync("tankLevel", "42.5", ListenScope.Session);
                    await browser.SendComponentMessageAsync("zoom", scope: ListenScope.View, viewName: "Tank1");
                    await browser.SendComponentMessageAsync(typed, 1, ListenScope.Session);
                    await session.SendComponentMessageAsync("tankLevel", 10.0);
                }
            }

            """;
        await ComponentVerify<UnusableHandlerNameAnalyzer>.AnalyzerAsync(source);
        await ComponentVerify<InvalidScopeAnalyzer>.AnalyzerAsync(source);
        await ComponentVerify<UnknownHandlerNameAnalyzer>.AnalyzerAsync(source);
        await ComponentVerify<ScopeWithoutHandlerAnalyzer>.AnalyzerAsync(source);
        await ComponentVerify<PayloadTypeAnalyzer>.AnalyzerAsync(source);
        await ComponentVerify<DictionaryPayloadKeysAnalyzer>.AnalyzerAsync(source);
        await ComponentVerify<DictionaryValueTypeAnalyzer>.AnalyzerAsync(source);
        await ComponentVerify<HandlerNameCaseAnalyzer>.AnalyzerAsync(source);
        await ComponentVerify<HandlerSignatureAnalyzer>.AnalyzerAsync(source);
        await ComponentVerify<UncallableHandlerAnalyzer>.AnalyzerAsync(source);
        await ComponentVerify<DuplicateHandlerAnalyzer>.AnalyzerAsync(source);
    }

    [Fact]
    public async Task A_blank_message_type_is_SWB0010()
    {
        var source = Components + """
            public static class Sender
            {
                public static async Task RunAsync(BrowserSession browser, Session session)
                {
                    await browser.SendComponentMessageAsync({|SWB0010:""|});
                    await session.SendComponentMessageAsync({|SWB0010:"  "|}, 1);
                    await browser.SendComponentMessageAsync("refresh");
                }
            }

            """;
        await ComponentVerify<UnusableHandlerNameAnalyzer>.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Several_scopes_at_once_and_a_view_without_a_view_name_are_SWB0003()
    {
        var source = Components + """
            public static class Sender
            {
                public static async Task RunAsync(BrowserSession browser, Session session)
                {
                    await browser.SendComponentMessageAsync("refresh", null, {|#0:ListenScope.Page | ListenScope.Session|});
                    await browser.SendComponentMessageAsync("zoom", null, {|#1:ListenScope.View|});
                    await browser.SendComponentMessageAsync("zoom", null, {|SWB0003:ListenScope.View|}, viewName: null);
                    await session.SendComponentMessageAsync("zoom", null, {|SWB0003:ListenScope.View|});
                    await browser.SendComponentMessageAsync("zoom", null, {|SWB0003:(ListenScope)0|});
                    // Near misses: a view with its name, and one scope.
                    await browser.SendComponentMessageAsync("zoom", null, ListenScope.View, viewName: "Tank1");
                    await browser.SendComponentMessageAsync("zoom", null, ListenScope.Page);
                }
            }

            """;
        await ComponentVerify<InvalidScopeAnalyzer>.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.InvalidScope).WithLocation(0).WithArguments(
                "A component message goes to exactly one scope, ListenScope.View, ListenScope.Page or ListenScope.Session, not Page | Session; this send always throws ArgumentException. Send once per scope"),
            new DiagnosticResult(DiagnosticDescriptors.InvalidScope).WithLocation(1).WithArguments(
                "A view-scoped component message needs the view's name, and this send has none, so it always throws ArgumentException; pass viewName, or send from a component inside the view"));
    }

    [Fact]
    public async Task A_message_type_no_component_handles_is_SWB0001_with_the_closest_one()
    {
        var source = Components + """
            public static class Sender
            {
                public static async Task RunAsync(BrowserSession browser, Session session)
                {
                    await browser.SendComponentMessageAsync({|#0:"refrsh"|}, new Refresh(1));
                    await session.SendComponentMessageAsync({|SWB0001:"alarm"|});
                    // Handled in a file another generator wrote (a .razor file's @code block).
                    await session.SendComponentMessageAsync("fromRazor");
                }
            }

            """;
        var razor = """
            public sealed partial class RazorGauge : MessagingComponentBase
            {
                [ComponentMessageHandler("fromRazor", ListenScope.Session)]
                private void OnFromRazor() { }
            }

            """;
        await ComponentVerify<UnknownHandlerNameAnalyzer>.AnalyzerAsync(
            source,
            razor,
            new DiagnosticResult(DiagnosticDescriptors.UnknownHandlerName).WithLocation(0).WithArguments(
                "No component declares a handler for message type 'refrsh'; did you mean 'refresh'?"));
    }

    [Fact]
    public async Task The_closest_name_fix_replaces_a_mistyped_message_type()
    {
        const string Send = """
            public static class Sender
            {
                public static async Task RunAsync(BrowserSession browser) => await browser.SendComponentMessageAsync(NAME, new Refresh(1));
            }

            """;
        await ComponentVerify<UnknownHandlerNameAnalyzer>.CodeFixAsync<Switchboard.Analyzers.CodeFixes.ClosestNameCodeFixProvider>(
            Components + Send.Replace("NAME", "{|SWB0001:\"refrsh\"|}", StringComparison.Ordinal),
            Components + Send.Replace("NAME", "\"refresh\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_send_to_a_scope_no_handler_listens_on_is_SWB0004_also_by_default()
    {
        var source = Components + """
            public static class Sender
            {
                public static async Task RunAsync(BrowserSession browser, Session session)
                {
                    await browser.SendComponentMessageAsync("tankLevel", 1.0, {|#0:ListenScope.Page|});
                    // A Session sends to the whole session by default, and refresh listens on its page only.
                    await session.SendComponentMessageAsync({|SWB0004:"refresh"|}, new Refresh(1));
                    await browser.SendComponentMessageAsync("tankLevel", 1.0, ListenScope.Session);
                    await browser.SendComponentMessageAsync("refresh", new Refresh(1));
                }
            }

            """;
        await ComponentVerify<ScopeWithoutHandlerAnalyzer>.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.ScopeWithoutHandler).WithLocation(0).WithArguments(
                "Component message 'tankLevel' is handled in listen scope Session, so a send to scope Page reaches no handler; send it to ListenScope.Session"));
    }

    [Fact]
    public async Task A_payload_that_can_never_convert_is_SWB0017_and_numbers_in_strings_are_not()
    {
        var source = Components + """
            public static class Sender
            {
                public static async Task RunAsync(BrowserSession browser)
                {
                    await browser.SendComponentMessageAsync("refresh", {|#0:"text"|});
                    await browser.SendComponentMessageAsync("tankLevel", {|SWB0017:new Refresh(1)|}, ListenScope.Session);
                    // Web defaults read numbers from strings; null reaches the handler as null.
                    await browser.SendComponentMessageAsync("tankLevel", "12.5", ListenScope.Session);
                    await browser.SendComponentMessageAsync("refresh", null);
                    // A payload to a scope the handler does not listen on never reaches it.
                    await browser.SendComponentMessageAsync("tankLevel", new Refresh(1), ListenScope.Page);
                }
            }

            """;
        await ComponentVerify<PayloadTypeAnalyzer>.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.PayloadTypeMismatch).WithLocation(0).WithArguments(
                "A 'string' payload can never become 'Refresh', the payload of component handler 'Gauge.OnRefresh' for message 'refresh': it is written as a JSON string, and 'Refresh' is read from a JSON object; send a 'Refresh' instead"));
    }
}
