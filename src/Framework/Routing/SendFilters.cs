namespace Switchboard;

/// <summary>Applies Ignition 8.1's defaults to a send's scope and filters.</summary>
internal static class SendFilters
{
    /// <summary>The default scope: <c>"CS"</c> when a user, role or host-name filter is given, else <c>"CGS"</c>.</summary>
    public static Scope DefaultScope(string? user, string? hasRole, string? hostName) =>
        user is not null || hasRole is not null || hostName is not null ? Scope.Client | Scope.Session : ScopeCode.All;

    /// <summary>Checks a send's names and applies the defaults to its scope and filters: the prelude of every send.</summary>
    public static FilterParams Create(
        string project, string messageHandler, Scope? scope, string? clientSessionId, string? user, string? hasRole, string? hostName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(project);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageHandler);
        // Ignition treats an empty filter as no filter; so do we.
        clientSessionId = NullIfEmpty(clientSessionId);
        user = NullIfEmpty(user);
        hasRole = NullIfEmpty(hasRole);
        hostName = NullIfEmpty(hostName);
        var effective = scope ?? DefaultScope(user, hasRole, hostName);
        if (!effective.IsValid())
        {
            throw new ArgumentException(
                $"The scope {(int)effective} is not a combination of Scope.Client, Scope.Gateway and Scope.Session (C, G, S).", nameof(scope));
        }

        return new FilterParams(hostName, clientSessionId, effective, user, hasRole);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
