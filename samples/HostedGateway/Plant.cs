using Microsoft.Extensions.Logging;
using Switchboard;

[assembly: MessagingProject("Plant")]

namespace HostedGateway;

/// <summary>An alarm raised by a tag.</summary>
public sealed record Alarm(string Tag, double Value);

/// <summary>The plant's active alarms, shared by every message (a singleton).</summary>
public sealed class AlarmBook
{
    private int active;

    public int Active => Volatile.Read(ref active);

    public void Raise() => Interlocked.Increment(ref active);
}

/// <summary>Project Plant's handlers; a scoped service, so each message gets its own instance.</summary>
public sealed class AlarmHandlers(AlarmBook book, ILogger<AlarmHandlers> log)
{
    [MessageHandler("alarm", Scope.Gateway)]
    public void Record(Alarm alarm)
    {
        book.Raise();
        log.LogInformation("Gateway recorded alarm {Tag} = {Value}", alarm.Tag, alarm.Value);
    }

    [MessageHandler("alarm", Scope.Session)]
    public void Show(Alarm alarm, Session session) =>
        log.LogInformation("Session {SessionId} ({User}) shows alarm {Tag}", session.SessionId, session.User, alarm.Tag);

    [MessageHandler("activeAlarms")]
    public int ActiveAlarms() => book.Active;
}
