using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>The result strings are Ignition's, byte for byte.</summary>
public sealed class ResultFormatTests
{
    [Fact]
    public async Task Example_1_gives_the_seed_strings_for_gateway_and_client()
    {
        await using var gateway = new Gateway("agent-8088");
        gateway.AddProject(Handlers.Registry("X",
            Handlers.Of("X", "testHandler", Scope.Gateway, (_, _) => { }),
            Handlers.Of("X", "testHandler", Scope.Client, (_, _) => { })));
        await using var client = gateway.ConnectClient(new ClientIdentity
        {
            Project = "X",
            SessionId = "65F7A472",
            Address = "127.0.0.1",
            HostName = "127.0.0.1",
        });

        var results = gateway.SendMessage("X", "testHandler", new Dictionary<string, object?> { ["first"] = "Hello", ["second"] = "World" }, "CG");

        Assert.Equal(
        [
            "type=Gateway,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=CG, user=, hasRole=},sendStatus=SENT",
            "type=Client,sessionId=65F7A472,clientAddress=127.0.0.1,clientHostName=127.0.0.1,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=CG, user=, hasRole=},sendStatus=SENT",
        ], results);
    }

    [Fact]
    public async Task Unknown_address_and_host_print_empty_as_in_the_8_1_seed()
    {
        await using var gateway = new Gateway("agent-8088");
        gateway.AddProject(Handlers.Registry("X", Handlers.Of("X", "testHandler", Scope.Client, (_, _) => { })));
        await using var client = gateway.ConnectClient(new ClientIdentity { Project = "X", SessionId = "65F7A472" });

        var results = gateway.SendMessage("X", "testHandler", scope: "C");

        Assert.Equal(
            "type=Client,sessionId=65F7A472,clientAddress=,clientHostName=,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=C, user=, hasRole=},sendStatus=SENT",
            Assert.Single(results));
    }

    [Fact]
    public async Task Filter_values_are_echoed_in_filterParams_and_sessions_have_their_type()
    {
        await using var gateway = new Gateway("agent-8088");
        gateway.AddProject(Handlers.Registry("X", Handlers.Of("X", "h", Scope.Session, (_, _) => { })));
        await using var session = gateway.OpenSession(new SessionIdentity
        {
            Project = "X", SessionId = "0A1B2C3D", User = "Bob", Roles = ["Operator"], HostName = "hmi-1", Address = "10.0.0.5",
        });

        var results = gateway.SendMessage("X", "h", user: "Bob", hasRole: "Operator", hostName: "hmi-1", clientSessionId: "0A1B2C3D");

        Assert.Equal(
            "type=Session,sessionId=0A1B2C3D,clientAddress=10.0.0.5,clientHostName=hmi-1,project=X,messageHandler=h,filterParams={hostName=hmi-1, clientSessionId=0A1B2C3D, scope=CS, user=Bob, hasRole=Operator},sendStatus=SENT",
            Assert.Single(results));
    }

    [Fact]
    public void Remote_gateway_results_have_the_same_shape()
    {
        var result = new DeliveryResult
        {
            Type = DeliveryTargetType.RemoteGateway,
            ServerName = "agent-9000",
            Project = "X",
            MessageHandler = "h",
            FilterParams = new FilterParams(null, null, ScopeCode.All, null, null),
            Status = DeliveryStatus.Unreachable,
        };

        Assert.Equal(
            "type=RemoteGateway,serverName=agent-9000,project=X,messageHandler=h,filterParams={hostName=, clientSessionId=, scope=CGS, user=, hasRole=},sendStatus=UNREACHABLE",
            result.ToString());
    }

    [Theory]
    [InlineData(DeliveryStatus.Sent, "SENT")]
    [InlineData(DeliveryStatus.NoHandler, "NO_HANDLER")]
    [InlineData(DeliveryStatus.Denied, "DENIED")]
    [InlineData(DeliveryStatus.Unreachable, "UNREACHABLE")]
    [InlineData(DeliveryStatus.QueueFull, "QUEUE_FULL")]
    [InlineData(DeliveryStatus.Queued, "QUEUED")]
    public void Status_codes(DeliveryStatus status, string code) => Assert.Equal(code, status.ToCode());
}
