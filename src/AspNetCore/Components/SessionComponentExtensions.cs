using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.AspNetCore;

/// <summary>Lets a session handler reach the components of a browser session: gateway to component in one call.</summary>
public static class SessionComponentExtensions
{
    /// <summary>The browser session that <paramref name="session"/> belongs to.</summary>
    /// <param name="session">A session opened for a circuit by <c>AddBrowserSessions</c>, such as a session handler's <see cref="Session"/> parameter.</param>
    /// <returns>The browser session.</returns>
    /// <exception cref="InvalidOperationException">The session was not opened for a Blazor circuit.</exception>
    public static BrowserSession GetBrowserSession(this Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Services?.GetService<BrowserSession>() is { } browser && ReferenceEquals(browser.Session, session)
            ? browser
            : throw new InvalidOperationException($"{session} is not a browser session: only sessions that AddBrowserSessions opened for a Blazor circuit have components.");
    }

    /// <summary>
    /// Sends a component message to the components of a browser session, from a session handler for example.
    /// See <see cref="BrowserSession.SendComponentMessageAsync"/>.
    /// </summary>
    /// <param name="session">A browser session.</param>
    /// <param name="messageType">The message type.</param>
    /// <param name="payload">The payload, or <see langword="null"/>.</param>
    /// <param name="scope">One scope; <see cref="ListenScope.Session"/> by default, since a gateway's message is for the whole session.</param>
    /// <param name="cancellationToken">Cancels waiting for the handlers.</param>
    /// <returns>How many handlers ran.</returns>
    /// <exception cref="InvalidOperationException">The session was not opened for a Blazor circuit.</exception>
    /// <exception cref="ArgumentException">See <see cref="BrowserSession.SendComponentMessageAsync"/>.</exception>
    /// <example>
    /// <code>
    /// [MessageHandler("alarm", Scope.Session)]
    /// public static ValueTask&lt;int&gt; OnAlarm(Session session, Alarm alarm) =&gt; session.SendComponentMessageAsync("alarm", alarm);
    /// </code>
    /// </example>
    public static ValueTask<int> SendComponentMessageAsync(
        this Session session,
        string messageType,
        object? payload = null,
        ListenScope scope = ListenScope.Session,
        CancellationToken cancellationToken = default) =>
        session.GetBrowserSession().SendComponentMessageAsync(messageType, payload, scope, cancellationToken: cancellationToken);
}
