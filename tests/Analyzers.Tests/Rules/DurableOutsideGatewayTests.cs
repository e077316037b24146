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
                .WithArguments("refresh", "it is declared in scope Client", "declare it in Scope.Gateway alone, or drop Delivery = DeliveryMode.Durable"),
            new DiagnosticResult(DiagnosticDescriptors.DurableOutsideGateway).WithLocation(1)
                .WithArguments("audit", "it is declared in scope Gateway and Session", "declare it in Scope.Gateway alone, or drop Delivery = DeliveryMode.Durable"));
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
                .WithArguments("order", "its name is also declared in scope Client", "rename the other declaration, or drop Delivery = DeliveryMode.Durable"));
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
                .WithArguments("test", "it is declared in scope Session of project 'X'", "send it with SendAsync, or send durably to a gateway handler"),
            new DiagnosticResult(DiagnosticDescriptors.DurableOutsideGateway).WithLocation(1)
                .WithArguments("alert", "it is declared in scope Client and Session of project 'Lib'", "send it with SendAsync, or send durably to a gateway handler"));
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
}
