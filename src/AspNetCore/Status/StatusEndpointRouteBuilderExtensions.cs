using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.AspNetCore;

/// <summary>Maps the live status page (Ignition's Gateway Status &gt; Diagnostics).</summary>
public static class StatusEndpointRouteBuilderExtensions
{
    private static readonly TimeSpan PushInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Maps a live status page at <paramref name="pattern"/>: the gateway's name and network members, the attached
    /// clients and sessions with their identities, the handlers per project, a scrolling log of recent sends with
    /// their result lines, and the counters. It updates itself over server-sent events (<c>{pattern}/events</c>;
    /// <c>{pattern}/state</c> answers one JSON snapshot). Every one of these requires
    /// <paramref name="authorizationPolicy"/>, since the page shows who is logged in where.
    /// </summary>
    /// <param name="endpoints">The app's endpoints.</param>
    /// <param name="pattern">The route of the page, for example <c>"/switchboard"</c>.</param>
    /// <param name="authorizationPolicy">The name of the authorization policy that may see the page.</param>
    /// <returns>The group of the page's endpoints, for more conventions.</returns>
    /// <exception cref="ArgumentException">The pattern or the policy name is empty.</exception>
    /// <exception cref="InvalidOperationException"><c>AddBrowserSessions</c> was not called.</exception>
    /// <example>
    /// <code>
    /// builder.Services.AddAuthorizationBuilder().AddPolicy("Admins", policy => policy.RequireRole("Administrator"));
    /// app.MapSwitchboardStatus("/switchboard", "Admins");
    /// </code>
    /// </example>
    public static IEndpointConventionBuilder MapSwitchboardStatus(this IEndpointRouteBuilder endpoints, string pattern, string authorizationPolicy)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        ArgumentException.ThrowIfNullOrWhiteSpace(authorizationPolicy);
        // Start listening now, so that the log holds the sends made before anyone opens the page.
        _ = endpoints.ServiceProvider.GetService<SendLog>() ?? throw new InvalidOperationException(
            "MapSwitchboardStatus needs the services that AddBrowserSessions registers: call builder.Services.AddSwitchboard()...AddBrowserSessions() first.");
        _ = endpoints.ServiceProvider.GetRequiredService<SwitchboardCounters>();

        var group = endpoints.MapGroup(pattern);
        group.RequireAuthorization(authorizationPolicy);
        group.MapGet("/", static (HttpContext context) =>
        {
            var basePath = (context.Request.PathBase + context.Request.Path).Value!.TrimEnd('/');
            var html = StatusPage.Html.Replace("{{BASE}}", JavaScriptEncoder.Default.Encode(basePath), StringComparison.Ordinal);
            return Results.Content(html, "text/html; charset=utf-8");
        });
        group.MapGet("/state", static (HttpContext context) =>
            Results.Json(StatusSnapshot.Take(context.RequestServices), StatusJsonContext.Default.StatusSnapshot));
        group.MapGet("/events", static (HttpContext context) => StreamAsync(context));
        return group;
    }

    /// <summary>Pushes a snapshot whenever it changes, until the browser goes away.</summary>
    private static async Task StreamAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var last = "";
        try
        {
            while (!aborted.IsCancellationRequested)
            {
                var json = JsonSerializer.Serialize(StatusSnapshot.Take(context.RequestServices), StatusJsonContext.Default.StatusSnapshot);
                if (json != last)
                {
                    last = json;
                    await context.Response.WriteAsync($"data: {json}\n\n", aborted).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(aborted).ConfigureAwait(false);
                }

                await Task.Delay(PushInterval, aborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The page was closed.
        }
    }
}
