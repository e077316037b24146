namespace Switchboard;

/// <summary>
/// The clients (or the sessions) of one project, indexed by session id, user, role and host name, so that a
/// selective filter costs what it matches rather than what is attached. Not thread-safe: the router locks.
/// </summary>
internal sealed class EndpointIndex
{
    private static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    // What a filter value nobody has selects; never added to.
    private static readonly HashSet<AttachedEndpoint> None = [];

    private readonly HashSet<AttachedEndpoint> all = [];
    private readonly Dictionary<string, AttachedEndpoint> bySessionId = new(Comparer);
    private readonly Dictionary<string, HashSet<AttachedEndpoint>> byUser = new(Comparer);
    private readonly Dictionary<string, HashSet<AttachedEndpoint>> byRole = new(Comparer);
    private readonly Dictionary<string, HashSet<AttachedEndpoint>> byHost = new(Comparer);

    public int Count => all.Count;

    public IEnumerable<AttachedEndpoint> All => all;

    public void Add(AttachedEndpoint endpoint)
    {
        all.Add(endpoint);
        bySessionId[endpoint.SessionId] = endpoint;
        AddTo(byUser, endpoint.User, endpoint);
        AddTo(byHost, endpoint.HostName, endpoint);
        foreach (var role in endpoint.Roles)
        {
            AddTo(byRole, role, endpoint);
        }
    }

    /// <returns>Whether the endpoint was in the index.</returns>
    public bool Remove(AttachedEndpoint endpoint)
    {
        if (!all.Remove(endpoint))
        {
            return false;
        }

        bySessionId.Remove(endpoint.SessionId);
        RemoveFrom(byUser, endpoint.User, endpoint);
        RemoveFrom(byHost, endpoint.HostName, endpoint);
        foreach (var role in endpoint.Roles)
        {
            RemoveFrom(byRole, role, endpoint);
        }

        return true;
    }

    /// <summary>Appends the endpoints that match every given filter to <paramref name="output"/>, in attach order.</summary>
    /// <returns>How many candidates were examined: what the selection cost.</returns>
    public int Select(in FilterParams filters, List<AttachedEndpoint> output)
    {
        var start = output.Count;
        if (filters.ClientSessionId is { } sessionId)
        {
            if (bySessionId.TryGetValue(sessionId, out var endpoint) && Matches(endpoint, filters))
            {
                output.Add(endpoint);
                return 1;
            }

            return 0;
        }

        // Start from the smallest index the filters name; check the other filters on each candidate. Typed as the
        // HashSet it is, so that the loop below uses its struct enumerator and a send allocates nothing here.
        var candidates = all;
        Narrow(byUser, filters.User, ref candidates);
        Narrow(byRole, filters.HasRole, ref candidates);
        Narrow(byHost, filters.HostName, ref candidates);
        foreach (var endpoint in candidates)
        {
            if (Matches(endpoint, filters))
            {
                output.Add(endpoint);
            }
        }

        if (output.Count - start > 1)
        {
            output.Sort(start, output.Count - start, BySequence.Instance);
        }

        return candidates.Count;
    }

    private static void Narrow(
        Dictionary<string, HashSet<AttachedEndpoint>> index, string? key, ref HashSet<AttachedEndpoint> candidates)
    {
        if (key is null)
        {
            return;
        }

        var found = index.TryGetValue(key, out var set) ? set : None;
        if (found.Count < candidates.Count)
        {
            candidates = found;
        }
    }

    private static bool Matches(AttachedEndpoint endpoint, in FilterParams filters) =>
        Same(filters.User, endpoint.User) && Same(filters.HostName, endpoint.HostName) && HasRole(endpoint, filters.HasRole);

    private static bool Same(string? filter, string? value) => filter is null || Comparer.Equals(filter, value);

    private static bool HasRole(AttachedEndpoint endpoint, string? role)
    {
        if (role is null)
        {
            return true;
        }

        foreach (var held in endpoint.Roles)
        {
            if (Comparer.Equals(held, role))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddTo(Dictionary<string, HashSet<AttachedEndpoint>> index, string? key, AttachedEndpoint endpoint)
    {
        if (key is null)
        {
            return;
        }

        if (!index.TryGetValue(key, out var set))
        {
            index[key] = set = [];
        }

        set.Add(endpoint);
    }

    private static void RemoveFrom(Dictionary<string, HashSet<AttachedEndpoint>> index, string? key, AttachedEndpoint endpoint)
    {
        if (key is not null && index.TryGetValue(key, out var set) && set.Remove(endpoint) && set.Count == 0)
        {
            index.Remove(key);
        }
    }

    private sealed class BySequence : IComparer<AttachedEndpoint>
    {
        public static readonly BySequence Instance = new();

        public int Compare(AttachedEndpoint? x, AttachedEndpoint? y) => x!.Sequence.CompareTo(y!.Sequence);
    }
}
