namespace Switchboard;

/// <summary>Ignition 8.1's defaults for a send's scope and filters: the one place that rule is written.</summary>
internal static class SendFilters
{
    /// <summary>
    /// The default scope: <c>"CS"</c> when a user, role or host-name filter is given, else <c>"CGS"</c>. Ignition treats
    /// an empty filter as no filter; so do we.
    /// </summary>
    public static Scope DefaultScope(string? user, string? hasRole, string? hostName) =>
        !string.IsNullOrEmpty(user) || !string.IsNullOrEmpty(hasRole) || !string.IsNullOrEmpty(hostName)
            ? Scope.Client | Scope.Session
            : ScopeCode.All;

    /// <summary>Checks a send's names and applies the defaults to its scope and filters: the prelude of every send.</summary>
    public static FilterParams Create(
        string project, string messageHandler, Scope? scope, string? clientSessionId, string? user, string? hasRole, string? hostName) =>
        Check(
            project,
            messageHandler,
            new FilterParams(NullIfEmpty(hostName), NullIfEmpty(clientSessionId), scope ?? DefaultScope(user, hasRole, hostName), NullIfEmpty(user), NullIfEmpty(hasRole)));

    /// <summary>Checks a send's names and its effective scope.</summary>
    public static FilterParams Check(string project, string messageHandler, in FilterParams filters)
    {
        MessageNames.Check(project);
        MessageNames.Check(messageHandler);
        MessageNames.CheckLength(filters.HostName, "hostName");
        MessageNames.CheckLength(filters.ClientSessionId, "clientSessionId");
        MessageNames.CheckLength(filters.User, "user");
        MessageNames.CheckLength(filters.HasRole, "hasRole");
        if (!filters.Scope.IsValid())
        {
            throw new ArgumentException(
                $"The scope {(int)filters.Scope} is not a combination of Scope.Client, Scope.Gateway and Scope.Session (C, G, S).", "scope");
        }

        return filters;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
