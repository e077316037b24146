using Microsoft.Extensions.Logging;

namespace Switchboard.Network;

/// <summary>
/// Logs dropped messages, at most <see cref="LinesPerSecond"/> lines a second, so that a flood of garbage cannot flood
/// the log; the next line says how many drops went unlogged. The counters count every drop.
/// </summary>
internal sealed class DropLog(ILogger logger)
{
    public const int LinesPerSecond = 10;

    private readonly object gate = new();
    private long windowStart = long.MinValue;
    private int linesInWindow;
    private long unlogged;

    public void Report(DropReason reason, string channel, string detail)
    {
        long skipped;
        lock (gate)
        {
            var now = Environment.TickCount64;
            if (now - windowStart >= 1000)
            {
                windowStart = now;
                linesInWindow = 0;
            }

            if (++linesInWindow > LinesPerSecond)
            {
                unlogged++;
                return;
            }

            skipped = unlogged;
            unlogged = 0;
        }

        Log.MessageDropped(logger, channel, reason, detail, skipped);
    }
}
