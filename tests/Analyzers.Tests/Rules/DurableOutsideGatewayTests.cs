using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.DurableOutsideGatewayAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class DurableOutsideGatewayTests
{
    [Fact]
    public async Task A_durable_handler_outside_gateway_scope_is_an_error_on_the_delivery_value()
    {
        var source = """
            [assembly: MessagingProject("X")]

            public static class Handlers
            {
                [MessageHandler("refresh", Scope.Client, Delivery = {|#0:DeliveryMode.Durable|})]
                public static void Refresh() { }

                [MessageHandler("audit", Scope.Gateway | Scope.Session, Delivery = {|#1:DeliveryMode.Durable|})]
                public static void Audit() { }
            }

            """;
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.DurableOutsideGateway).WithLocation(0)
                .WithArguments("refresh", "it is declared in scope Client, and durable delivery reaches gateway handlers only", "declare it in Scope.Gateway alone, or drop Delivery = DeliveryMode.Durable"),
            new DiagnosticResult(DiagnosticDescriptors.DurableOutsideGateway).WithLocation(1)
                .WithArguments("audit", "it is declared in scope Gateway and Session, and durable delivery reaches gateway handlers only", "declare it in Scope.Gateway alone, or drop Delivery = DeliveryMode.Durable"));
    }

    [Fact]
    public async Task A_durable_gateway_handler_whose_name_is_also_a_client_handler_is_an_error()
    {
        var source = """
            [assembly: MessagingProject("X")]

            public static class Handlers
            {
                [MessageHandler("order", Delivery = {|#0:DeliveryMode.Durable|})]
                public static void OnGateway() { }

                [MessageHandler("order", Scope.Client)]
                public static void OnClient() { }
            }

            """;
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.DurableOutsideGateway).WithLocation(0)
                .WithArguments("order", "its name is also declared in scope Client, and durable delivery reaches gateway handlers only", "rename the other declaration, or drop Delivery = DeliveryMode.Durable"));
    }

    [Fact]
    public async Task A_durable_send_to_a_handler_no_gateway_declares_is_an_error_on_the_handler_name()
    {
        var source = Sources.ProjectX + Sources.Send("""
            await gateway.SendDurableAsync("X", {|#0:"test"|}, null, "agent-9000");
            await gateway.SendDurableAsync("Lib", {|#1:"alert"|}, null, "agent-9000");
            """);
        await Verifier.AnalyzerAsync(
            source,
            Sources.LibraryManifest,
            new DiagnosticResult(DiagnosticDescriptors.DurableOutsideGateway).WithLocation(0)
                .WithArguments("test", "it is declared in scope Session of project 'X', and durable delivery reaches gateway handlers only", "send it with SendAsync, or send durably to a gateway handler"),
            new DiagnosticResult(DiagnosticDescriptors.DurableOutsideGateway).WithLocation(1)
                .WithArguments("alert", "it is declared in scope Client and Session of project 'Lib', and durable delivery reaches gateway handlers only", "send it with SendAsync, or send durably to a gateway handler"));
    }

    [Fact]
    public async Task SendMessage_to_a_durable_gateway_handler_is_an_error_on_the_handler_name()
    {
        // In source, in a referenced assembly's manifest; with the default scope (CGS, also with an empty user filter)
        // and with an explicit scope that includes the gateway.
        var source = Sources.ProjectX + DurablePlace + Sources.Send("""
            gateway.SendMessage("X", {|#0:"place"|});
            gateway.SendMessage("X", {|#1:"place"|}, null, "G");
            gateway.SendMessage("X", {|#2:"place"|}, user: "");
            gateway.SendMessage("Lib", {|#3:"store"|}, null, "CG", remoteServers: new[] { "agent-9000" });
            """);
        await Verifier.AnalyzerAsync(
            source,
            DurableStore + Sources.LibraryManifest,
            SendMessageResult(0, "place", "X"),
            SendMessageResult(1, "place", "X"),
            SendMessageResult(2, "place", "X"),
            SendMessageResult(3, "store", "Lib"));
    }

    [Fact]
    public async Task SendMessage_that_cannot_reach_the_durable_handler_and_other_sends_to_it_are_not_reported()
    {
        // SendAsync and the durable send wait for the queue; SendMessage to a fire-and-forget handler, or whose scope
        // leaves the gateway out (written, or Ignition's CS default with a user filter), never goes durably; a scope or
        // filter that is not constant may leave it out too.
        var source = Sources.ProjectX + DurablePlace + Sources.Send("""
            await gateway.SendAsync("X", "place");
            await gateway.SendDurableAsync("X", "place", null, "agent-9000");
            gateway.SendMessage("X", "testHandler");
            gateway.SendMessage("Lib", "reading");
            gateway.SendMessage("X", "place", null, "CS");
            gateway.SendMessage("X", "place", user: "bob");
            var scope = "G";
            gateway.SendMessage("X", "place", null, scope);
            var user = "bob";
            gateway.SendMessage("X", "place", user: user);
            """);
        await Verifier.AnalyzerAsync(source, DurableStore + Sources.LibraryManifest);
    }

    [Fact]
    public async Task Near_misses_are_not_reported()
    {
        // Durable gateway handlers (one that answers requests too); fire-and-forget handlers in any scope; a durable send to
        // a gateway handler, to one whose name is also a client handler, and to a name that is not constant or unknown
        // (the unknown-name rule's finding); SendAsync to a session handler.
        var source = Sources.ProjectX + """
            public static class DurableHandlers
            {
                [MessageHandler("place", Delivery = DeliveryMode.Durable)]
                public static void Place(Numbers numbers) { }

                [MessageHandler("count", Scope.Gateway, Delivery = DeliveryMode.Durable)]
                public static int Count() => 0;

                [MessageHandler("seen", Scope.Client | Scope.Session, Delivery = DeliveryMode.FireAndForget)]
                public static void Seen() { }
            }

            """ + Sources.Send("""
            await gateway.SendDurableAsync("X", "place", new Numbers(1, 2), "agent-9000");
            await gateway.SendDurableAsync("X", "testHandler", null, "agent-9000");
            await gateway.SendDurableAsync("Lib", "reading", null, "agent-9000");
            var name = "test";
            await gateway.SendDurableAsync("X", name, null, "agent-9000");
            await gateway.SendDurableAsync("X", "nosuch", null, "agent-9000");
            await gateway.SendAsync("X", "test");
            """);
        await Verifier.AnalyzerAsync(source, Sources.LibraryManifest);
    }

    private const string DurablePlace = """
        public static class DurableHandlers
        {
            [MessageHandler("place", Delivery = DeliveryMode.Durable)]
            public static void Place() { }
        }

        """;

    private const string DurableStore = """
        [assembly: MessageHandlerManifest("Lib", "store", Scope.Gateway, null, null, Delivery = DeliveryMode.Durable)]

        """;

    private static DiagnosticResult SendMessageResult(int location, string handler, string project) =>
        new DiagnosticResult(DiagnosticDescriptors.DurableOutsideGateway).WithLocation(location).WithArguments(
            handler,
            $"it is a durable gateway handler of project '{project}', and SendMessage returns before a durable queue could store it "
            + "(it throws InvalidOperationException where the sender's gateway has the project, and sends fire-and-forget where it does not)",
            "send it with SendAsync or the typed stub, which wait for the durable queue and report QUEUED");
}
