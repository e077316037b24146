using System.Collections.Concurrent;

namespace Switchboard.Network;

/// <summary>
/// Which gateways were heard from lately, from their presence heartbeats. A gateway silent for longer than the
/// presence timeout is reported unreachable even if its channel still has a listener (a hung process, or a host that
/// vanished without closing its connection). A gateway never heard from is left to the publish itself to decide.
/// Silence is measured on the network's <see cref="TimeProvider"/>, so that tests can let it pass without waiting.
/// </summary>
internal sealed class PresenceView(TimeSpan timeout, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> gateways = new(StringComparer.Ordinal);

    public void Observe(PresenceEnvelope presence)
    {
        var name = presence.Gateway;
        if (presence.State == PresenceStates.Leaving)
        {
            // Only the instance that left is forgotten; a newer one with the same name may already be announcing itself.
            if (gateways.TryGetValue(name, out var entry) && entry.Node == presence.Node)
            {
                gateways.TryRemove(new KeyValuePair<string, Entry>(name, entry));
            }

            return;
        }

        gateways[name] = new Entry(presence.Node, time.GetTimestamp(), Listens: true);
    }

    /// <summary>
    /// Whether <paramref name="gateway"/> was heard from within the timeout and its channel had a listener at the last
    /// publish: a message to it may be handed to the transport without waiting to count its listeners.
    /// </summary>
    public bool IsListening(string gateway) =>
        gateways.TryGetValue(gateway, out var entry) && entry.Listens && time.GetElapsedTime(entry.LastHeard) <= timeout;

    /// <summary>
    /// A publish to <paramref name="gateway"/> found nobody listening (its process died, and its heartbeats have not
    /// yet been missed for long): until its next heartbeat, publishes to it count their listeners again.
    /// </summary>
    public void NobodyListened(string gateway)
    {
        if (gateways.TryGetValue(gateway, out var entry) && entry.Listens)
        {
            gateways.TryUpdate(gateway, entry with { Listens = false }, entry);
        }
    }

    /// <summary>Whether <paramref name="gateway"/> was heard from once but has been silent for longer than the timeout.</summary>
    public bool IsSilent(string gateway, out TimeSpan silentFor)
    {
        if (gateways.TryGetValue(gateway, out var entry))
        {
            silentFor = time.GetElapsedTime(entry.LastHeard);
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
        var now = time.GetTimestamp();
        return gateways
            .Where(pair => time.GetElapsedTime(pair.Value.LastHeard, now) <= timeout)
            .Select(pair => pair.Key)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Forgets gateways silent for ten timeouts, so that names of long-gone gateways do not pile up.</summary>
    public void Prune()
    {
        var limit = timeout * 10;
        var now = time.GetTimestamp();
        foreach (var (name, entry) in gateways)
        {
            if (time.GetElapsedTime(entry.LastHeard, now) > limit)
            {
                gateways.TryRemove(new KeyValuePair<string, Entry>(name, entry));
            }
        }
    }

    private readonly record struct Entry(string Node, long LastHeard, bool Listens);
}
