using Microsoft.Extensions.Logging;

namespace Switchboard.QuickStart;

/// <summary>Project X's Perspective session event scripts, run in the gateway on behalf of each session.</summary>
internal sealed class SessionScripts(ILogger<SessionScripts> log)
{
    /// <summary>Example 4: Ignition's <c>handleMessage(session, payload)</c>, with the payload as a dictionary.</summary>
    [MessageHandler("test", Scope.Session)]
    public void Test(Session session, IReadOnlyDictionary<string, object?> payload) =>
        log.LogInformation("session {SessionId} got {Payload}", session.SessionId, string.Join(", ", payload.Select(pair => $"{pair.Key}={pair.Value}")));
}
