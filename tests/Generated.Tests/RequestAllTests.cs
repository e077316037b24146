using Switchboard.Generated.Tests.Handlers;

namespace Switchboard.Generated.Tests;

/// <summary>The typed request-all stubs: typed answers from every scope that answers, the default narrowed to those scopes.</summary>
public sealed class RequestAllTests
{
    [Fact]
    public async Task The_typed_stub_asks_the_gateway_and_sessions_and_leaves_out_clients_that_return_nothing()
    {
        await using var gateway = TestGateway.Create();
        await using var client = gateway.ConnectClient(new ClientIdentity { Project = "E2E" });
        await using var ann = gateway.OpenSession(new SessionIdentity { Project = "E2E", User = "ann" });
        await using var bob = gateway.OpenSession(new SessionIdentity { Project = "E2E", User = "bob" });

        var report = await gateway.RequestHealthAllAsync(new Sum(1, 2));

        Assert.True(report.AllAnswered);
        Assert.Equal(["gateway " + gateway.Name, "ann:3", "bob:3"], report.Responses());
        Assert.Equal([DeliveryTargetType.Gateway, DeliveryTargetType.Session, DeliveryTargetType.Session], report.Select(result => result.Target.Type));
        Assert.Equal("GS", report[0].Target.FilterParams.Scope.ToCode());
    }

    [Fact]
    public async Task The_typed_stream_yields_typed_results_and_filters_narrow_as_in_a_send()
    {
        await using var gateway = TestGateway.Create();
        await using var ann = gateway.OpenSession(new SessionIdentity { Project = "E2E", User = "ann" });
        await using var bob = gateway.OpenSession(new SessionIdentity { Project = "E2E", User = "bob" });

        var answers = new List<string?>();
        await foreach (var result in bob.RequestHealthAllStreamAsync(new Sum(2, 2), user: "ann"))
        {
            Assert.Equal(ann.SessionId, result.Target.SessionId);
            answers.Add(result.Response);
        }

        Assert.Equal(["ann:4"], answers);
    }

    [Fact]
    public async Task A_client_handler_that_returns_a_value_answers_and_plain_sends_ignore_it()
    {
        await using var gateway = TestGateway.Create();
        await using var client = gateway.ConnectClient(new ClientIdentity { Project = "E2E" });

        var sent = await gateway.SendClientLoadAsync();
        var report = await gateway.RequestClientLoadAllAsync();

        Assert.True(sent.AllSent);
        Assert.Equal(client.SessionId.Length, Assert.Single(report).Response);
    }

    [Fact]
    public async Task A_filter_narrows_the_default_and_one_that_leaves_no_answering_scope_is_a_clear_error()
    {
        await using var gateway = TestGateway.Create();
        await using var ann = gateway.OpenSession(new SessionIdentity { Project = "E2E", User = "ann" });

        // health answers in G and S; with a user filter the default is CS, narrowed to S.
        var report = await gateway.RequestHealthAllAsync(new Sum(0, 0), user: "ann");
        Assert.Equal("S", Assert.Single(report).Target.FilterParams.Scope.ToCode());

        // add answers only in the gateway, where filters never apply: its stubs do not offer them (below), and the
        // shared code behind them refuses a filter that would leave the default asking nobody.
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await RequestAllStubs.RequestAllAsync<int>(
            gateway, E2EMessages.Add, Scope.Gateway, new Sum(1, 1), scope: null, clientSessionId: null, user: "ann", hasRole: null, hostName: null,
            remoteServers: null, timeout: null, CancellationToken.None));
        Assert.Contains("answers only in scope G", error.Message);
        Assert.Equal("scope", error.ParamName);

        var noPayload = await Assert.ThrowsAsync<ArgumentNullException>(async () => await gateway.RequestHealthAllAsync(null!));
        Assert.Equal("payload", noPayload.ParamName);
    }

    [Fact]
    public void The_request_all_stubs_of_a_handler_that_answers_only_at_the_gateway_offer_no_filters()
    {
        static string[] Parameters(string stub) =>
            typeof(E2EMessages).GetMethod(stub)!.GetParameters().Select(parameter => parameter.Name!).ToArray();

        string[] gatewayOnly = ["sender", "payload", "scope", "remoteServers", "timeout", "cancellationToken"];
        Assert.Equal(gatewayOnly, Parameters(nameof(E2EMessages.RequestAddAllAsync)));
        Assert.Equal(gatewayOnly, Parameters(nameof(E2EMessages.RequestAddAllStreamAsync)));
        Assert.Equal(
            ["sender", "payload", "scope", "clientSessionId", "user", "hasRole", "hostName", "remoteServers", "timeout", "cancellationToken"],
            Parameters(nameof(E2EMessages.RequestHealthAllAsync)));
    }
}
