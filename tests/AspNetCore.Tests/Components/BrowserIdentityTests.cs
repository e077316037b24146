using System.Net;
using System.Security.Claims;

namespace Switchboard.AspNetCore.Tests.Components;

/// <summary>A browser session's identity comes from the server's authentication state and connection only.</summary>
public sealed class BrowserIdentityTests
{
    [Fact]
    public void An_authenticated_user_gives_the_name_and_the_role_claims()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "supervisor"), new Claim(ClaimTypes.Role, "Operator"), new Claim(ClaimTypes.Role, "Supervisor"), new Claim("role", "NotARoleClaim")],
            authenticationType: "Cookies"));

        var identity = BrowserSession.CreateIdentity("Hmi", user, IPAddress.Parse("::ffff:10.1.2.3"));

        Assert.Equal("Hmi", identity.Project);
        Assert.Equal("supervisor", identity.User);
        Assert.Equal(["Operator", "Supervisor"], identity.Roles);
        Assert.Equal("10.1.2.3", identity.Address);
        Assert.Equal("10.1.2.3", identity.HostName);
        Assert.Null(identity.SessionId);
    }

    [Fact]
    public void An_unauthenticated_principal_claims_nobody_whatever_claims_it_carries()
    {
        // Claims without an authentication type are not authenticated: nothing in them may name a user or a role.
        var forged = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, "Administrator")]));

        var identity = BrowserSession.CreateIdentity("Hmi", forged, address: null);

        Assert.Null(identity.User);
        Assert.Empty(identity.Roles);
        Assert.Null(identity.Address);
    }
}
