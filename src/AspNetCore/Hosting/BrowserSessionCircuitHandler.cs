using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Switchboard.AspNetCore;

/// <summary>Opens the circuit's <see cref="BrowserSession"/> when the circuit opens, and closes it when the circuit ends.</summary>
internal sealed class BrowserSessionCircuitHandler(
    BrowserSession browser,
    AuthenticationStateProvider authentication,
    IHttpContextAccessor http,
    NavigationManager navigation,
    ILogger<BrowserSession> logger) : CircuitHandler
{
    // Before the app's own handlers, so that they already see the session.
    public override int Order => -1_000;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        // The authentication state is the one the server established for the circuit's connection (the cookie it
        // validated); nothing the browser sends afterwards can change whose session this is.
        var state = await authentication.GetAuthenticationStateAsync().ConfigureAwait(false);
        browser.Open(state.User, http.HttpContext?.Connection.RemoteIpAddress, navigation);
        if (browser.Session is { } session)
        {
            BrowserSessionLog.SessionOpened(logger, session.SessionId, session.User, session.Address);
        }
    }

    public override async Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var sessionId = browser.Session?.SessionId;
        await browser.DisposeAsync().ConfigureAwait(false);
        if (sessionId is not null)
        {
            BrowserSessionLog.SessionClosed(logger, sessionId);
        }
    }
}
