using Switchboard;
using WebHmi.Messages;

namespace WebHmi;

/// <summary>How often the gateway timers fire (section <c>"WebHmi"</c>).</summary>
public sealed class PlantTimerOptions
{
    /// <summary>How often the tank level is read and sent to every session.</summary>
    public TimeSpan TankInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a note is sent to the sessions of supervisors.</summary>
    public TimeSpan ShiftNoteInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>A simulated tank level tag: fills and drains between 10 % and 90 %.</summary>
public sealed class TankSimulator(TimeProvider time)
{
    private readonly DateTimeOffset start = time.GetUtcNow();

    /// <summary>Reads the tag now.</summary>
    /// <returns>The reading.</returns>
    public TankReading Read()
    {
        var now = time.GetUtcNow();
        var phase = (now - start).TotalSeconds / 60.0 * 2 * Math.PI;
        return new TankReading(Math.Round(50 + 40 * Math.Sin(phase), 1), now);
    }
}

/// <summary>Gateway timer scripts: the tank level to every session, and a note to supervisors' sessions only.</summary>
public sealed class PlantTimers(IMessageSender gateway, TankSimulator tank, Microsoft.Extensions.Options.IOptions<PlantTimerOptions> options) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(TankAsync(stoppingToken), NotesAsync(stoppingToken));

    private async Task TankAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.TankInterval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            await gateway.SendTankLevelAsync(tank.Read(), scope: Scope.Session, cancellationToken: cancellationToken);
        }
    }

    private async Task NotesAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.ShiftNoteInterval);
        var number = 0;
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            number++;
            var note = new ShiftNote($"Shift note {number}: check the tank's inlet valve.", number);
            await gateway.SendShiftNoteAsync(note, scope: Scope.Session, hasRole: "Supervisor", cancellationToken: cancellationToken);
        }
    }
}
