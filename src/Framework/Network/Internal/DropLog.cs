using Microsoft.Extensions.Logging;

namespace Switchboard.Network;

/// <summary>
/// Logs dropped messages, rate-limited (<see cref="LogRateLimit"/>); the next line says how many drops went unlogged.
/// The counters count every drop.
/// </summary>
internal sealed class DropLog(ILogger logger)
{
    private readonly LogRateLimit limit = new();

    public void Report(DropReason reason, string channel, string detail)
    {
        if (limit.TryEnter(out var skipped))
        {
            Log.MessageDropped(logger, channel, reason, detail, skipped);
        }
    }
}

/// <summary>
/// Logs that a remote server is unreachable, rate-limited (<see cref="LogRateLimit"/>): a send naming many servers
/// that are gone would otherwise write one warning each. The result of every send still says <c>UNREACHABLE</c>.
/// </summary>
internal sealed class UnreachableLog
{
    private readonly LogRateLimit limit = new();

    public void Report(ILogger logger, string server, string messageHandler, string reason)
    {
        if (limit.TryEnter(out var skipped))
        {
            Log.Unreachable(logger, server, messageHandler, skipped == 0 ? reason : $"{reason} ({skipped} similar warning(s) were not logged)");
        }
    }
}
