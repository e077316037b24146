using System.Collections.Concurrent;
using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>Scope defaults, filters and project isolation, as in Ignition 8.1.</summary>
public sealed class SelectionTests : IAsyncLifetime
{
    private readonly Gateway gateway = new("agent-8088");
    private readonly ConcurrentQueue<string> ran = new();

    public Task InitializeAsync()
    {
        gateway.AddProject(Handlers.Registry("X",
            Handlers.Of("X", "h", ScopeCode.All, (_, context) => ran.Enqueue($"{context.Scope}:{(context.Endpoint as AttachedEndpoint)?.SessionId}"))));
        gateway.AddProject(Handlers.Registry("Y",
            Handlers.Of("Y", "h", ScopeCode.All, (_, context) => ran.Enqueue($"Y:{context.Scope}"))));
        gateway.ConnectClient(new ClientIdentity { Project = "X", SessionId = "C0000001", User = "Bob", Roles = ["Operator"], HostName = "hmi-1" });
        gateway.ConnectClient(new ClientIdentity { Project = "X", SessionId = "C0000002", User = "Alice", Roles = ["Admin"], HostName = "hmi-2" });
        gateway.ConnectClient(new ClientIdentity { Project = "Y", SessionId = "C0000003", User = "Bob" });
        gateway.OpenSession(new SessionIdentity { Project = "X", SessionId = "50000001", User = "Bob", HostName = "tablet" });
        gateway.OpenSession(new SessionIdentity { Project = "X", SessionId = "50000002", User = "Carol", Roles = ["operator"] });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    private static string[] Targets(IReadOnlyList<string> results) =>
        results.Select(result => result.Split(',')[0] + (result.Contains("sessionId=") ? "/" + result.Split(',')[1]["sessionId=".Length..] : "")).ToArray();

    [Fact]
    public void No_filters_default_to_CGS_gateway_first_then_clients_then_sessions()
    {
        var results = gateway.SendMessage("X", "h");

        Assert.Equal(
            ["type=Gateway", "type=Client/C0000001", "type=Client/C0000002", "type=Session/50000001", "type=Session/50000002"],
            Targets(results));
        Assert.All(results, result => Assert.Contains("scope=CGS", result));
    }

    [Theory]
    [InlineData("Bob", null, null)]
    [InlineData(null, "Operator", null)]
    [InlineData(null, null, "hmi-1")]
    public void User_role_or_host_default_the_scope_to_CS(string? user, string? role, string? host)
    {
        var results = gateway.SendMessage("X", "h", user: user, hasRole: role, hostName: host);

        Assert.DoesNotContain(results, result => result.StartsWith("type=Gateway", StringComparison.Ordinal));
        Assert.All(results, result => Assert.Contains("scope=CS", result));
    }

    [Fact]
    public void User_filter_selects_only_where_the_user_is_logged_in_in_that_project()
    {
        var results = gateway.SendMessage("X", "h", user: "Bob");

        Assert.Equal(["type=Client/C0000001", "type=Session/50000001"], Targets(results));
    }

    [Fact]
    public void Role_filter_is_case_insensitive_and_spans_clients_and_sessions()
    {
        var results = gateway.SendMessage("X", "h", hasRole: "OPERATOR");

        Assert.Equal(["type=Client/C0000001", "type=Session/50000002"], Targets(results));
    }

    [Fact]
    public void Filters_combine_and_do_not_apply_to_the_gateway()
    {
        var results = gateway.SendMessage("X", "h", scope: "CG", user: "Bob", hostName: "hmi-2");

        Assert.Equal(["type=Gateway"], Targets(results));
    }

    [Fact]
    public void Client_session_id_selects_exactly_one_endpoint_and_keeps_the_CGS_default()
    {
        var results = gateway.SendMessage("X", "h", clientSessionId: "50000002");

        Assert.Equal(["type=Gateway", "type=Session/50000002"], Targets(results));
    }

    [Fact]
    public void Only_endpoints_of_the_named_project_are_selected()
    {
        var results = gateway.SendMessage("Y", "h", scope: "C");

        Assert.Equal(["type=Client/C0000003"], Targets(results));
    }

    [Fact]
    public async Task Each_selected_endpoint_runs_the_handler_once_with_its_own_context()
    {
        gateway.SendMessage("X", "h", scope: "CS", user: "Bob");

        await Wait.UntilAsync(() => ran.Count == 2, "both handlers ran");
        Assert.Equal(["Client:C0000001", "Session:50000001"], ran.Order());
    }

    [Fact]
    public void Designers_are_never_selected()
    {
        var designer = gateway.OpenDesigner(new DesignerIdentity { Project = "X", User = "Bob" });

        var results = designer.SendMessage("X", "h", user: "Bob");

        Assert.Equal(2, results.Count);
        Assert.DoesNotContain(results, result => result.Contains("Designer"));
    }

    [Fact]
    public void A_read_only_designer_cannot_send()
    {
        var designer = gateway.OpenDesigner(new DesignerIdentity { ReadWriteComm = false });

        var error = Assert.Throws<InvalidOperationException>(() => designer.SendMessage("X", "h"));
        Assert.Contains("ReadWriteComm", error.Message);
        Assert.Empty(ran);
    }

    [Fact]
    public void An_empty_scope_string_is_an_argument_error_naming_the_allowed_letters()
    {
        // This test checks the run-time error for a bad scope, which SWB0003 reports at compile time.
#pragma warning disable SWB0003
        var error = Assert.Throws<ArgumentException>(() => gateway.SendMessage("X", "h", scope: "CQ"));
#pragma warning restore SWB0003
        Assert.Equal("scope", error.ParamName);
        Assert.Contains("'Q'", error.Message);
    }

    [Fact]
    public async Task A_closed_client_is_no_longer_selected()
    {
        var client = gateway.FindEndpoint("C0000002")!;
        await client.DisposeAsync();

        var results = gateway.SendMessage("X", "h", scope: "C");

        Assert.Equal(["type=Client/C0000001"], Targets(results));
        Assert.Throws<ObjectDisposedException>(() => client.SendMessage("X", "h"));
    }

    [Fact]
    public void Session_ids_are_eight_upper_case_hex_digits_and_unique()
    {
        var ids = Enumerable.Range(0, 200)
            .Select(_ => gateway.OpenSession(new SessionIdentity { Project = "Z" }).SessionId)
            .ToList();

        Assert.All(ids, id => Assert.Matches("^[0-9A-F]{8}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void A_session_id_in_use_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => gateway.ConnectClient(new ClientIdentity { Project = "X", SessionId = "c0000001" }));
        Assert.Contains("already in use", error.Message);
    }

    [Fact]
    public void Counts_and_lookup_reflect_what_is_attached()
    {
        Assert.Equal(3, gateway.ClientCount);
        Assert.Equal(2, gateway.SessionCount);
        Assert.IsType<Session>(gateway.FindEndpoint("50000001"));
        Assert.Null(gateway.FindEndpoint("FFFFFFFF"));
    }
}
