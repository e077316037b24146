using Switchboard;
using Switchboard.AspNetCore;

[assembly: MessagingProject("Hmi")]

namespace WebHmi.Messages;

/// <summary>A reading of the simulated tank level tag.</summary>
/// <param name="Percent">Level in percent of capacity.</param>
/// <param name="At">When it was read.</param>
public sealed record TankReading(double Percent, DateTimeOffset At);

/// <summary>A note for supervisors, sent by a gateway timer with <c>hasRole: "Supervisor"</c>.</summary>
/// <param name="Text">The note.</param>
/// <param name="Number">Counts notes since the app started.</param>
public sealed record ShiftNote(string Text, int Number);

/// <summary>What a page's refresh button sends to the components of its page.</summary>
/// <param name="Clicks">How many times the button was clicked on that page.</param>
public sealed record RefreshRequest(int Clicks);

/// <summary>
/// Session handlers (Perspective session message handlers): the gateway sends to Session scope, and each handler
/// passes the message on to its browser's components in one call, through the stubs the generator writes for the
/// components' <c>[ComponentMessageHandler]</c> methods (<c>ComponentMessages</c>).
/// </summary>
public static class SessionHandlers
{
    /// <summary>The tank level, for every session's tank components.</summary>
    [MessageHandler("tankLevel", Scope.Session)]
    public static async Task OnTankLevel(Session session, TankReading reading) =>
        await session.SendTankLevelToComponentsAsync(reading);

    /// <summary>A note that only sessions of supervisors receive (the sender filters by role).</summary>
    [MessageHandler("shiftNote", Scope.Session)]
    public static async Task OnShiftNote(Session session, ShiftNote note) =>
        await session.SendShiftNoteToComponentsAsync(note);
}
