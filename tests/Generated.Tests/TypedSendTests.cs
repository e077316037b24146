using Switchboard.Generated.Tests.Handlers;

namespace Switchboard.Generated.Tests;

/// <summary>Sends through the generated stubs reach the handlers of every scope that declares the name, in their own shapes.</summary>
public sealed class TypedSendTests
{
    [Fact]
    public async Task A_typed_send_reaches_gateway_client_and_session_each_in_the_shape_it_takes()
    {
        var gateway = TestGateway.Create();
        var client = gateway.ConnectClient(new ClientIdentity { Project = "E2E" });
        var session = gateway.OpenSession(new SessionIdentity { Project = "E2E" });
        var reading = new Reading("Tank/Level", 1.5);

        var report = await gateway.SendReadingAsync(reading);
        await gateway.DisposeAsync();

        Assert.Equal(3, report.Count);
        Assert.True(report.AllSent);
        var deliveries = Inbox.Of(gateway).ToDictionary(delivery => delivery.Scope);
        Assert.Same(reading, deliveries[Scope.Gateway].Payload);
        Assert.Equal(reading, deliveries[Scope.Session].Payload);
        Assert.Equal(session.ToString(), deliveries[Scope.Session].Endpoint);
        Assert.Equal("token", deliveries[Scope.Session].Note);

        // The client's handler takes a dictionary: the typed payload is bridged, numbers keep their type.
        var values = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(deliveries[Scope.Client].Payload);
        Assert.Equal(client.ToString(), deliveries[Scope.Client].Endpoint);
        Assert.Equal("Tank/Level", values["Tag"]);
        Assert.Equal(1.5, Assert.IsType<double>(values["value"]));
    }

    [Fact]
    public async Task A_payloadless_handler_gets_its_context_in_every_scope()
    {
        var gateway = TestGateway.Create();
        await using var client = gateway.ConnectClient(new ClientIdentity { Project = "E2E" });
        await using var session = gateway.OpenSession(new SessionIdentity { Project = "E2E" });

        var report = await client.SendPingAsync();
        await gateway.DisposeAsync();

        Assert.Equal("CGS", report[0].FilterParams.Scope.ToCode());
        Assert.Equal(
            [Scope.Client, Scope.Gateway, Scope.Session],
            Inbox.Of(gateway).Where(delivery => delivery.Handler == "ping").Select(delivery => delivery.Scope).Order());
        Assert.All(Inbox.Of(gateway), delivery => Assert.Null(delivery.Payload));
    }

    [Fact]
    public async Task The_default_scope_is_narrowed_to_the_scopes_that_declare_the_handler()
    {
        var gateway = TestGateway.Create();
        await using var client = gateway.ConnectClient(new ClientIdentity { Project = "E2E" });
        await using var session = gateway.OpenSession(new SessionIdentity { Project = "E2E" });

        // "add" is a gateway handler only: Ignition's default CGS would also select the client and the session (NO_HANDLER).
        var report = await gateway.SendAddAsync(new Sum(1, 2));

        var only = Assert.Single(report);
        Assert.Equal(DeliveryTargetType.Gateway, only.Type);
        Assert.Equal(DeliveryStatus.Sent, only.Status);
        Assert.Equal("G", only.FilterParams.Scope.ToCode());
        await gateway.DisposeAsync();
    }

    [Fact]
    public async Task A_filter_makes_the_default_clients_and_sessions_as_in_Ignition()
    {
        var gateway = TestGateway.Create();
        await using var bob = gateway.ConnectClient(new ClientIdentity { Project = "E2E", User = "Bob" });
        await using var alice = gateway.ConnectClient(new ClientIdentity { Project = "E2E", User = "Alice" });

        var report = await gateway.SendReadingAsync(new Reading("T", 2), user: "Bob");
        await gateway.DisposeAsync();

        Assert.Equal("CS", report[0].FilterParams.Scope.ToCode());
        var delivery = Assert.Single(Inbox.Of(gateway));
        Assert.Equal(bob.ToString(), delivery.Endpoint);
    }

    [Fact]
    public void The_stub_of_a_gateway_only_handler_offers_no_filters_and_one_that_reaches_clients_and_sessions_does()
    {
        static string[] Parameters(string stub) =>
            typeof(E2EMessages).GetMethod(stub)!.GetParameters().Select(parameter => parameter.Name!).ToArray();

        // Filters never narrow the gateway, so on add's stub they could only throw.
        Assert.Equal(["sender", "payload", "scope", "remoteServers", "cancellationToken"], Parameters(nameof(E2EMessages.SendAddAsync)));
        Assert.Equal(
            ["sender", "payload", "scope", "clientSessionId", "user", "hasRole", "hostName", "remoteServers", "cancellationToken"],
            Parameters(nameof(E2EMessages.SendReadingAsync)));
    }

    [Fact]
    public async Task A_filter_on_a_gateway_only_handler_without_a_scope_is_a_clear_error_from_its_field()
    {
        await using var gateway = TestGateway.Create();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => E2EMessages.Add.SendAsync(gateway, new Sum(1, 2), user: "Bob").AsTask());

        Assert.Contains("\"add\"", error.Message);
        Assert.Contains("Scope.Gateway", error.Message);
    }

    [Fact]
    public async Task An_explicit_scope_is_used_as_given()
    {
        var gateway = TestGateway.Create();
        await using var client = gateway.ConnectClient(new ClientIdentity { Project = "E2E" });

        var report = await gateway.SendAddAsync(new Sum(1, 2), scope: Scope.Client | Scope.Gateway);
        await gateway.DisposeAsync();

        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.NoHandler], report.Select(result => result.Status));
    }

    [Fact]
    public async Task A_struct_payload_reaches_a_dedicated_handler()
    {
        var gateway = TestGateway.Create();

        await gateway.SendSetpointAsync(new Setpoint("Valve", 0.25));
        await gateway.SendSetpointAsync(new Setpoint("Valve", 0.75));
        await gateway.DisposeAsync();

        // Dedicated threading runs one at a time, in order.
        Assert.Equal([new Setpoint("Valve", 0.25), new Setpoint("Valve", 0.75)], Inbox.Of(gateway).Select(delivery => delivery.Payload));
    }

    [Fact]
    public async Task A_null_typed_payload_is_refused_before_sending()
    {
        await using var gateway = TestGateway.Create();

        await Assert.ThrowsAsync<ArgumentNullException>(() => gateway.SendReadingAsync(null!).AsTask());
    }
}
