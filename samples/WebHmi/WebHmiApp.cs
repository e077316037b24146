using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server;
using Switchboard;
using Switchboard.AspNetCore;
using WebHmi.Components;
using WebHmi.Messages;

namespace WebHmi;

/// <summary>Builds the web app: cookie login, the gateway with browser sessions, the timers, and the status page.</summary>
public static class WebHmiApp
{
    /// <summary>The policy that may see the status page.</summary>
    public const string StatusPolicy = "Administrators";

    /// <summary>Builds the app from command-line arguments (<c>--urls</c>, configuration overrides).</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The app, not yet started.</returns>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // How long a circuit whose browser went away is kept (section "Circuits"); its session closes when it ends.
        builder.Services.Configure<CircuitOptions>(builder.Configuration.GetSection("Circuits"));
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/login";
                // A logged-in user without the role gets a plain 403, not a redirect to a page the sample lacks.
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StatusPolicy, policy => policy.RequireRole("Administrator"));
        builder.Services.AddSingleton(DemoUsers.All);

        // The gateway (section "Switchboard"), its project, and a session per Blazor circuit (section "Switchboard:AspNetCore").
        builder.Services.AddSwitchboard().AddProject(HmiMessages.Registry).AddBrowserSessions();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TankSimulator>();
        builder.Services.Configure<PlantTimerOptions>(builder.Configuration.GetSection("WebHmi"));
        builder.Services.AddHostedService<PlantTimers>();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync();
            return Results.LocalRedirect("/login");
        });
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapSwitchboardStatus("/switchboard", StatusPolicy);
        return app;
    }
}

/// <summary>A demo user: never keep passwords like this outside a sample.</summary>
/// <param name="Name">The user name.</param>
/// <param name="Password">The password.</param>
/// <param name="Roles">The roles.</param>
public sealed record DemoUser(string Name, string Password, string[] Roles)
{
    /// <summary>The principal the cookie carries.</summary>
    /// <returns>The principal.</returns>
    public ClaimsPrincipal ToPrincipal() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, Name), .. Roles.Select(role => new Claim(ClaimTypes.Role, role))],
        CookieAuthenticationDefaults.AuthenticationScheme));
}

/// <summary>The sample's users.</summary>
public sealed class DemoUsers(IReadOnlyList<DemoUser> users)
{
    /// <summary>operator (Operator), supervisor (Operator, Supervisor) and admin (Administrator).</summary>
    public static readonly DemoUsers All = new(
    [
        new DemoUser("operator", "operator", ["Operator"]),
        new DemoUser("supervisor", "supervisor", ["Operator", "Supervisor"]),
        new DemoUser("admin", "admin", ["Administrator"]),
    ]);

    /// <summary>The user with this name and password, if any.</summary>
    /// <param name="name">The name.</param>
    /// <param name="password">The password.</param>
    /// <returns>The user, or <see langword="null"/>.</returns>
    public DemoUser? Find(string? name, string? password) =>
        users.FirstOrDefault(user => user.Name == name && user.Password == password);
}
