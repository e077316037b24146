using Microsoft.Extensions.DependencyInjection;
using Switchboard.Generated.Tests.Handlers;

namespace Switchboard.Generated.Tests;

/// <summary>Instance handlers: one per endpoint when made with the parameterless constructor; from DI, resolved per message in its own scope.</summary>
public sealed class InstanceHandlerTests
{
    [Fact]
    public async Task Each_client_gets_its_own_instance_made_once()
    {
        var gateway = TestGateway.Create();
        var first = gateway.ConnectClient(new ClientIdentity { Project = "E2E" });
        var second = gateway.ConnectClient(new ClientIdentity { Project = "E2E" });

        await gateway.SendCountAsync();
        await gateway.SendCountAsync();
        await gateway.DisposeAsync();

        var byClient = Inbox.Of(gateway).GroupBy(delivery => delivery.Endpoint).ToDictionary(group => group.Key, group => group.ToList());
        Assert.Equal(2, byClient.Count);
        foreach (var deliveries in byClient.Values)
        {
            Assert.Equal([1, 2], deliveries.Select(delivery => (int)delivery.Payload!).Order());
            Assert.Single(deliveries.Select(delivery => delivery.Note).Distinct());
        }

        Assert.NotEqual(byClient[first.ToString()][0].Note, byClient[second.ToString()][0].Note);
    }

    [Fact]
    public async Task An_instance_without_a_parameterless_constructor_comes_from_the_endpoint_services()
    {
        var log = new AuditLog();
        var services = new ServiceCollection().AddSingleton(log).AddSingleton<AuditService>().BuildServiceProvider();
        var gateway = TestGateway.Create(services);
        await using var session = gateway.OpenSession(new SessionIdentity { Project = "E2E" }, services);

        await gateway.SendAuditAsync(new Reading("Pump", 3));
        await gateway.DisposeAsync();

        Assert.Equal(["Gateway:Pump=3", "Session:Pump=3"], log.Entries.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_scoped_handler_class_is_resolved_per_message_and_disposed_with_its_scope()
    {
        var log = new AuditLog();
        var services = new ServiceCollection().AddSingleton(log).AddScoped<AuditService>().BuildServiceProvider();
        var gateway = TestGateway.Create(services);

        Assert.Equal(0, await gateway.RequestAuditCountAsync());
        await gateway.SendAuditAsync(new Reading("Pump", 3), scope: Scope.Gateway);
        await gateway.SendAuditAsync(new Reading("Fan", 1), scope: Scope.Gateway);
        await gateway.DisposeAsync();

        Assert.Equal(3, log.Instances.Count);
        Assert.Equal(3, log.Instances.Distinct().Count());
        Assert.All(log.Instances, instance => Assert.True(instance.Disposed));
    }

    [Fact]
    public async Task A_request_handler_can_be_an_instance_from_the_services()
    {
        var log = new AuditLog();
        log.Write("one");
        log.Write("two");
        await using var gateway = TestGateway.Create(new ServiceCollection().AddSingleton(log).AddSingleton<AuditService>().BuildServiceProvider());

        Assert.Equal(2, await gateway.RequestAuditCountAsync());
    }

    [Fact]
    public async Task A_missing_service_fails_the_handler_with_a_message_naming_the_class()
    {
        await using var gateway = TestGateway.Create(new ServiceCollection().BuildServiceProvider());

        var error = await Assert.ThrowsAsync<MessageHandlerFailedException>(() => gateway.RequestAuditCountAsync());

        var cause = Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains(typeof(AuditService).FullName!, cause.Message);
        Assert.Contains("\"auditCount\"", cause.Message);
    }

    [Fact]
    public async Task Without_services_the_message_says_to_pass_some()
    {
        await using var gateway = TestGateway.Create();

        var error = await Assert.ThrowsAsync<MessageHandlerFailedException>(() => gateway.RequestAuditCountAsync());

        Assert.Contains("no IServiceProvider", error.InnerException!.Message);
    }
}
