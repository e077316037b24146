using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>
/// A name (project, handler, gateway, filter, identity) has at most 1,024 characters: a longer one is refused where it is
/// given, with the length in the message, before anything is sent; a gateway network would drop it as malformed.
/// </summary>
public sealed class MessageNameTests : IAsyncLifetime
{
    private static readonly string Longest = new('n', 1024);
    private static readonly string TooLong = new('n', 1025);

    private readonly Gateway gateway = new("agent-8088");

    public Task InitializeAsync()
    {
        gateway.AddProject(Handlers.Registry("X", Handlers.Of("X", Longest, ScopeCode.All, (_, _) => { })));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Fact]
    public void A_handler_name_of_the_most_characters_a_name_may_have_is_sent()
    {
        var results = gateway.SendMessage("X", Longest, scope: "G");

        Assert.EndsWith("sendStatus=SENT", Assert.Single(results));
    }

    [Fact]
    public void A_send_naming_a_longer_handler_or_project_is_refused_with_the_length()
    {
        var handler = Assert.Throws<ArgumentException>(() => gateway.SendMessage("X", TooLong));
        var project = Assert.Throws<ArgumentException>(() => gateway.SendMessage(TooLong, "h"));

        Assert.Equal("messageHandler", handler.ParamName);
        Assert.Contains("is 1025 characters long; a name may have at most 1024", handler.Message);
        Assert.Equal("project", project.ParamName);
    }

    [Fact]
    public async Task A_longer_filter_or_request_name_is_refused_before_anything_runs()
    {
        Assert.Equal("user", Assert.Throws<ArgumentException>(() => gateway.SendMessage("X", "h", user: TooLong)).ParamName);
        Assert.Equal("hasRole", Assert.Throws<ArgumentException>(() => gateway.SendMessage("X", "h", hasRole: TooLong)).ParamName);
        Assert.Equal("hostName", Assert.Throws<ArgumentException>(() => gateway.SendMessage("X", "h", hostName: TooLong)).ParamName);
        Assert.Equal("remoteServers", Assert.Throws<ArgumentException>(() => gateway.SendMessage("X", "h", remoteServers: ["agent-9000", TooLong])).ParamName);
        await Assert.ThrowsAsync<ArgumentException>(() => gateway.SendRequestAsync<string>("X", TooLong));
        await Assert.ThrowsAsync<ArgumentException>(() => gateway.SendRequestAsync<string>("X", "h", remoteServer: TooLong));
    }

    [Fact]
    public void A_longer_gateway_name_identity_designer_or_handler_declaration_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Gateway(TooLong));
        var user = Assert.Throws<ArgumentException>(() => gateway.ConnectClient(new ClientIdentity { Project = "X", User = TooLong }));
        var role = Assert.Throws<ArgumentException>(() => gateway.OpenSession(new SessionIdentity { Project = "X", Roles = ["Operator", TooLong] }));
        var designer = Assert.Throws<ArgumentException>(() => gateway.OpenDesigner(new DesignerIdentity { User = TooLong }));
        var declared = Assert.Throws<ArgumentException>(() => gateway.AddProject(Handlers.Registry("Y", Handlers.Of("Y", TooLong, ScopeCode.All, (_, _) => { }))));

        Assert.Equal("identity.User", user.ParamName);
        Assert.Equal("identity.Roles", role.ParamName);
        Assert.Equal("identity.User", designer.ParamName);
        Assert.Contains("A handler name of project \"Y\" is 1025 characters long", declared.Message);
        Assert.Equal(0, gateway.ClientCount + gateway.SessionCount);
    }
}
