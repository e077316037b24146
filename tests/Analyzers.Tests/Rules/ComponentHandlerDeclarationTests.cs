using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Rules;
using Switchboard.Analyzers.Tests.Support;

namespace Switchboard.Analyzers.Tests.Rules;

/// <summary>
/// <c>[ComponentMessageHandler]</c> methods are checked by the rules that check <c>[MessageHandler]</c> methods for the
/// same mistake: blank message type (SWB0010), listen scopes (SWB0003), signature (SWB0005), never called (SWB0007),
/// one method handling one message twice (SWB0006), message types that differ only by case (SWB0011). Each case is
/// one the run time refuses or silently skips.
/// </summary>
public sealed class ComponentHandlerDeclarationTests
{
    [Fact]
    public async Task A_blank_message_type_is_SWB0010_and_a_named_one_is_not()
    {
        var source = """
            public sealed class Gauge : MessagingComponentBase
            {
                [ComponentMessageHandler({|SWB0010:" "|})]
                private void OnBlank() { }

                [ComponentMessageHandler(messageType: {|SWB0010:""|}, scopes: ListenScope.Session)]
                private void OnEmpty() { }

                [ComponentMessageHandler("x")]
                private void OnNamed() { }
            }

            """;
        await ComponentVerify<UnusableHandlerNameAnalyzer>.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Listen_scopes_outside_one_to_seven_are_SWB0003_and_combinations_are_not()
    {
        var source = """
            public sealed class Gauge : MessagingComponentBase
            {
                [ComponentMessageHandler("none", {|#0:(ListenScope)0|})]
                private void OnNone() { }

                [ComponentMessageHandler("eight", {|SWB0003:(ListenScope)8|})]
                private void OnEight() { }

                [ComponentMessageHandler("all", ListenScope.View | ListenScope.Page | ListenScope.Session)]
                private void OnAll() { }

                [ComponentMessageHandler("default")]
                private void OnDefault() { }
            }

            """;
        await ComponentVerify<InvalidScopeAnalyzer>.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.InvalidScope).WithLocation(0).WithArguments(
                "Component handler 'none' has the listen scope value 0, which is not a non-empty combination of ListenScope.View, ListenScope.Page and ListenScope.Session (1 to 7), "
                + "so creating its component throws; use ListenScope.Page, ListenScope.View, ListenScope.Session or a combination such as ListenScope.Page | ListenScope.Session"));
    }

    [Fact]
    public async Task Two_parameters_a_value_a_ref_struct_and_async_void_are_SWB0005_and_the_allowed_shapes_are_not()
    {
        var source = """
            public sealed class Gauge : MessagingComponentBase
            {
                [ComponentMessageHandler("two")]
                private void OnTwo(int a, {|#0:int b|}) { }

                [ComponentMessageHandler("value")]
                private {|SWB0005:int|} OnValue() => 1;

                [ComponentMessageHandler("typedTask")]
                private {|SWB0005:Task<int>|} OnTypedTask() => Task.FromResult(1);

                [ComponentMessageHandler("span")]
                private void OnSpan({|SWB0005:Span<int> values|}) { }

                [ComponentMessageHandler("asyncVoid")]
                private async {|SWB0005:void|} OnAsyncVoid() => await Task.Yield();

                [ComponentMessageHandler("none")]
                private void OnNone() { }

                [ComponentMessageHandler("task")]
                private Task OnTask(string text) => Task.CompletedTask;

                [ComponentMessageHandler("valueTask")]
                private ValueTask OnValueTask(IReadOnlyDictionary<string, object?> values) => default;
            }

            """;
        await ComponentVerify<HandlerSignatureAnalyzer>.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.UnsupportedHandlerSignature).WithLocation(0).WithArguments(
                "two", "takes 2 parameters; a component message handler returns void, Task or ValueTask and takes no parameter or one payload parameter"));
    }

    [Fact]
    public async Task An_async_void_component_handler_is_fixed_to_return_Task()
    {
        const string Component = """
            public sealed class Gauge : MessagingComponentBase
            {
                [ComponentMessageHandler("refresh")]
                private async RETURNS OnRefresh() => await Task.Yield();
            }

            """;
        await ComponentVerify<HandlerSignatureAnalyzer>.CodeFixAsync<Switchboard.Analyzers.CodeFixes.HandlerSignatureCodeFixProvider>(
            Component.Replace("RETURNS", "{|SWB0005:void|}", StringComparison.Ordinal),
            Component.Replace("RETURNS", "Task", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Static_generic_local_and_non_component_handlers_are_SWB0007_and_private_instance_methods_of_components_are_not()
    {
        var source = """
            public sealed class Gauge : MessagingComponentBase
            {
                [ComponentMessageHandler("static")]
                private static void {|#0:OnStatic|}() { }

                [ComponentMessageHandler("generic")]
                private void {|SWB0007:OnGeneric|}<T>(T value) { }

                [ComponentMessageHandler("private")]
                private void OnPrivate() { }

                protected override void OnInitialized()
                {
                    [ComponentMessageHandler("local")]
                    void {|SWB0007:Local|}() { }

                    Local();
                }
            }

            public abstract class GaugeBase : MessagingComponentBase
            {
                [ComponentMessageHandler("inherited")]
                protected abstract void OnInherited();
            }

            public sealed class NotAComponent
            {
                [ComponentMessageHandler("lost")]
                public void {|#1:OnLost|}() { }
            }

            """;
        await ComponentVerify<UncallableHandlerAnalyzer>.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.UncallableHandler).WithLocation(0).WithArguments(
                "static", "it is static, and a component registers only its instance methods; remove 'static'"),
            new DiagnosticResult(DiagnosticDescriptors.UncallableHandler).WithLocation(1).WithArguments(
                "lost", "'NotAComponent' does not inherit MessagingComponentBase, which registers a component's handlers when it is created; inherit it (@inherits MessagingComponentBase)"));
    }

    [Fact]
    public async Task One_method_handling_one_message_twice_in_a_shared_scope_is_SWB0006_and_other_repeats_are_not()
    {
        var source = """
            public sealed class Gauge : MessagingComponentBase
            {
                [ComponentMessageHandler("refresh", ListenScope.Page)]
                [ComponentMessageHandler({|#0:"refresh"|}, ListenScope.Page | ListenScope.Session)]
                private void OnRefresh() { }

                // Different scopes of one message: each send reaches it once.
                [ComponentMessageHandler("zoom", ListenScope.View)]
                [ComponentMessageHandler("zoom", ListenScope.Page)]
                private void OnZoom() { }

                // Two methods for one message: both run, as Perspective runs every matching handler.
                [ComponentMessageHandler("level")]
                private void OnLevel() { }

                [ComponentMessageHandler("level")]
                private void OnLevelToo() { }
            }

            """;
        await ComponentVerify<DuplicateHandlerAnalyzer>.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.DuplicateHandler).WithLocation(0).WithArguments(
                "'Gauge.OnRefresh' already handles component message 'refresh' in listen scope Page, so it runs twice for one message; list each scope once"));
    }

    [Fact]
    public async Task Message_types_that_differ_only_by_case_are_SWB0011_on_each_and_the_same_type_twice_or_a_handler_name_is_not()
    {
        // The run time matches message types ordinally: a send of "refresh" never reaches OnRefreshUpper. The same type
        // on two components is one message, and a message handler's name is not a component message type.
        var source = """
            public sealed class Gauge : MessagingComponentBase
            {
                [ComponentMessageHandler({|#0:"refresh"|})]
                private void OnRefresh() { }

                [ComponentMessageHandler("level", ListenScope.Session)]
                private void OnLevel() { }
            }

            public sealed class Trend : MessagingComponentBase
            {
                [ComponentMessageHandler({|#1:"Refresh"|}, ListenScope.Session)]
                private void OnRefreshUpper() { }

                [ComponentMessageHandler("level")]
                private void OnLevel() { }
            }

            public static class GatewayHandlers
            {
                // A message handler's name and a component message type never meet at run time.
                [MessageHandler("Level")]
                public static void OnLevel() { }
            }

            """;
        await ComponentVerify<HandlerNameCaseAnalyzer>.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.HandlerNamesDifferByCase).WithLocation(0)
                .WithArguments("refresh", "Refresh", "the component message types", "Trend.OnRefreshUpper"),
            new DiagnosticResult(DiagnosticDescriptors.HandlerNamesDifferByCase).WithLocation(1)
                .WithArguments("Refresh", "refresh", "the component message types", "Gauge.OnRefresh"));
    }
}
