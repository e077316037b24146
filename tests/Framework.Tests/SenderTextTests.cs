namespace Switchboard.Tests;

/// <summary>Senders and identities print their roles by name in logs, never as a type name.</summary>
public sealed class SenderTextTests
{
    [Fact]
    public void A_sender_prints_its_roles_as_their_names()
    {
        var sender = new SenderInfo(EndpointKind.Client, "agent-8088", "65F7A472", "bob", ["Operator", "Admin"], "hmi-3");

        var text = sender.ToString();

        Assert.Equal("SenderInfo { Kind = Client, GatewayName = agent-8088, SessionId = 65F7A472, User = bob, Roles = [Operator, Admin], HostName = hmi-3 }", text);
        Assert.DoesNotContain("System.String[]", text);
    }

    [Fact]
    public void Identities_print_their_roles_as_their_names()
    {
        var client = new ClientIdentity { Project = "X", User = "bob", Roles = ["Operator"] }.ToString();
        var designer = new DesignerIdentity { Project = "X", Roles = [] }.ToString();

        Assert.Contains("Roles = [Operator]", client);
        Assert.StartsWith("ClientIdentity { Project = X, User = bob, Roles = [Operator]", client);
        Assert.Contains("Roles = []", designer);
        Assert.DoesNotContain("System.String[]", client + designer);
    }
}
