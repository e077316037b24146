namespace Switchboard.Network;

/// <summary>
/// At most <see cref="LinesPerSecond"/> log lines a second for one kind of network warning, so that a flood of
/// hostile or failing traffic cannot flood the log; the next line that is written says how many were held back.
/// </summary>
internal sealed class LogRateLimit
{
    public const int LinesPerSecond = 10;

    private readonly object gate = new();
    private long windowStart = long.MinValue;
    private int linesInWindow;
    private long unlogged;

    /// <summary>Whether to log this line; if so, <paramref name="skipped"/> is how many lines were held back since the last one.</summary>
    public bool TryEnter(out long skipped)
    {
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
                skipped = 0;
                return false;
            }

            skipped = unlogged;
            unlogged = 0;
            return true;
        }
    }
}
