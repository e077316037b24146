using System.Collections.Concurrent;

namespace Switchboard.Network;

/// <summary>
/// Which gateways were heard from lately, from their presence heartbeats. A gateway silent for longer than the
/// presence timeout is reported unreachable even if its channel still has a listener (a hung process, or a host that
/// vanished without closing its connection). A gateway never heard from is left to the publish itself to decide.
/// </summary>
internal sealed class PresenceView(TimeSpan timeout)
{
    private readonly ConcurrentDictionary<string, Entry> gateways = new(StringComparer.Ordinal);

    public void Observe(Envelope presence)
    {
        var name = presence.Gateway!;
        if (presence.State == PresenceStates.Leaving)
        {
            // Only the instance that left is forgotten; a newer one with the same name may already be announcing itself.
            if (gateways.TryGetValue(name, out var entry) && entry.Node == presence.Node)
            {
                gateways.TryRemove(new KeyValuePair<string, Entry>(name, entry));
            }

            return;
        }

        gateways[name] = new Entry(presence.Node!, Environment.TickCount64);
    }

    /// <summary>Whether <paramref name="gateway"/> was heard from once but has been silent for longer than the timeout.</summary>
    public bool IsSilent(string gateway, out TimeSpan silentFor)
    {
        if (gateways.TryGetValue(gateway, out var entry))
        {
            silentFor = TimeSpan.FromMilliseconds(Environment.TickCount64 - entry.LastHeard);
            return silentFor > timeout;
        }

        silentFor = TimeSpan.Zero;
        return false;
    }

    /// <summary>The node that last announced <paramref name="gateway"/>, or <see langword="null"/> when it is not known.</summary>
    public string? NodeOf(string gateway) => gateways.TryGetValue(gateway, out var entry) ? entry.Node : null;

    /// <summary>The gateways heard from within the timeout, sorted by name.</summary>
    public IReadOnlyList<string> Alive()
    {
        var now = Environment.TickCount64;
        return gateways
            .Where(pair => TimeSpan.FromMilliseconds(now - pair.Value.LastHeard) <= timeout)
            .Select(pair => pair.Key)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Forgets gateways silent for ten timeouts, so that names of long-gone gateways do not pile up.</summary>
    public void Prune()
    {
        var limit = (long)(timeout.TotalMilliseconds * 10);
        var now = Environment.TickCount64;
        foreach (var (name, entry) in gateways)
        {
            if (now - entry.LastHeard > limit)
            {
                gateways.TryRemove(new KeyValuePair<string, Entry>(name, entry));
            }
        }
    }

    private readonly record struct Entry(string Node, long LastHeard);
}
