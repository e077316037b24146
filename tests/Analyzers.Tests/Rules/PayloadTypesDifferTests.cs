using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.PayloadTypesDifferAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class PayloadTypesDifferTests
{
    private const string Differing = """
        [assembly: MessagingProject("X")]

        public sealed record Reading(string Tag, double Value);

        public sealed record Alarm(string Tag);

        public static class Handlers
        {
            [MessageHandler("changed", Scope.Gateway)]
            public static void OnGateway({|#0:Reading reading|}) { }

            [MessageHandler("changed", Scope.Client | Scope.Session)]
            public static void OnClient(MessageContext context, {|#1:Alarm alarm|}) { }

            [MessageHandler("changed", Scope.Session, Threading = (HandlerThreading)9)]
            public static void Skipped(Alarm alarm) { }
        }

        """;

    private const string Same = """
        [assembly: MessagingProject("X")]

        public sealed record Reading(string Tag, double Value);

        public sealed record Alarm(string Tag);

        public static class Handlers
        {
            [MessageHandler("changed", Scope.Gateway)]
            public static void OnGateway(Reading reading) { }

            [MessageHandler("changed", Scope.Client)]
            public static void OnClient(Reading reading, MessageContext context) { }

            [MessageHandler("changed", Scope.Session)]
            public static void OnSession(IReadOnlyDictionary<string, object?> payload) { }

            [MessageHandler("other", Scope.Client)]
            public static void Other(Alarm alarm) { }

            [MessageHandler("changed", Scope.Client, Project = "Y")]
            public static void OtherProject(Alarm alarm) { }

            [MessageHandler("changed", Scope.Session, Project = "Y")]
            public static void OtherProjectSession() { }
        }

        """;

    [Fact]
    public async Task Declarations_of_one_name_with_different_typed_payloads_warn_on_each_with_every_scope_and_a_suggestion()
    {
        const string Message =
            "Handler 'changed' of project 'X' takes different payload types by scope "
            + "(Gateway: Reading in Handlers.OnGateway; Client and Session: Alarm in Handlers.OnClient), "
            + "so its typed stubs take object and each payload is converted at run time; give every scope one payload type, such as 'Reading'";
        await Verifier.AnalyzerAsync(
            Differing,
            new DiagnosticResult(DiagnosticDescriptors.PayloadTypesDifferByScope).WithLocation(0).WithMessage(Message),
            new DiagnosticResult(DiagnosticDescriptors.PayloadTypesDifferByScope).WithLocation(1).WithMessage(Message));
    }

    [Fact]
    public async Task One_payload_type_with_dictionary_or_no_payload_declarations_other_names_and_other_projects_are_not_reported()
    {
        await Verifier.AnalyzerAsync(Same);
    }

    [Fact]
    public async Task Without_a_gateway_declaration_the_suggestion_is_the_type_most_declarations_take()
    {
        var source = """
            public sealed record Reading(string Tag, double Value);

            public sealed record Alarm(string Tag);

            public static class Handlers
            {
                [MessageHandler("changed", Scope.Client)]
                public static void OnClient({|#0:Reading reading|}) { }

                [MessageHandler("changed", Scope.Session)]
                public static void OnSession({|#1:Alarm alarm|}) { }
            }

            """;
        const string Message =
            "Handler 'changed' of project 'TestProject' takes different payload types by scope "
            + "(Client: Reading in Handlers.OnClient; Session: Alarm in Handlers.OnSession), "
            + "so its typed stubs take object and each payload is converted at run time; give every scope one payload type, such as 'Alarm'";
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.PayloadTypesDifferByScope).WithLocation(0).WithMessage(Message),
            new DiagnosticResult(DiagnosticDescriptors.PayloadTypesDifferByScope).WithLocation(1).WithMessage(Message));
    }

    [Fact]
    public async Task The_generator_types_the_stub_payload_as_object_exactly_when_the_rule_warns()
    {
        var differing = await GeneratorOutput.RunAsync("App", Differing.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", ""));
        var differingStubs = differing.Source("XMessages.Stubs.g.cs");
        Assert.Contains("MessageHandlerRef<object> Changed", differingStubs, StringComparison.Ordinal);
        Assert.Contains("object payload,", differingStubs, StringComparison.Ordinal);

        var same = await GeneratorOutput.RunAsync("App", Same);
        var sameStubs = same.Source("XMessages.Stubs.g.cs");
        Assert.Contains("MessageHandlerRef<global::Reading> Changed", sameStubs, StringComparison.Ordinal);
        Assert.DoesNotContain("object payload,", sameStubs, StringComparison.Ordinal);
    }
}
