using Switchboard.Generated.Tests.Handlers;

namespace Switchboard.Generated.Tests;

/// <summary>Request stubs call the gateway handler and return its value, whatever way the handler returns it.</summary>
public sealed class RequestTests
{
    [Fact]
    public async Task A_handler_returning_a_value_answers()
    {
        await using var gateway = TestGateway.Create();

        Assert.Equal(5, await gateway.RequestAddAsync(new Sum(2, 3)));
    }

    [Fact]
    public async Task A_handler_returning_a_task_answers_a_client()
    {
        await using var gateway = TestGateway.Create();
        await using var client = gateway.ConnectClient(new ClientIdentity { Project = "E2E" });

        Assert.Equal(7, await client.RequestAddLaterAsync(new Sum(3, 4)));
    }

    [Fact]
    public async Task A_handler_returning_a_value_task_answers_with_a_dictionary_payload()
    {
        await using var gateway = TestGateway.Create();

        var keys = await gateway.RequestDescribeAsync(new Dictionary<string, object?> { ["b"] = 1, ["a"] = 2 });

        Assert.Equal("a,b", keys);
    }

    [Fact]
    public async Task A_request_without_a_payload_sees_the_sender()
    {
        await using var gateway = TestGateway.Create();
        await using var session = gateway.OpenSession(new SessionIdentity { Project = "E2E", User = "Alice" });

        Assert.Equal("Alice", await session.RequestWhoAskedAsync());
    }

    [Fact]
    public async Task The_required_role_from_the_attribute_is_enforced()
    {
        await using var gateway = TestGateway.Create();
        await using var operatorClient = gateway.ConnectClient(new ClientIdentity { Project = "E2E", Roles = ["Operator"] });
        await using var adminClient = gateway.ConnectClient(new ClientIdentity { Project = "E2E", Roles = ["Administrator"] });

        await Assert.ThrowsAsync<MessageDeniedException>(() => operatorClient.RequestSecretAsync());
        Assert.Equal("42", await adminClient.RequestSecretAsync());
    }
}
