namespace Switchboard;

/// <summary>The filters a message was sent with, as Ignition echoes them in <c>filterParams={…}</c>.</summary>
/// <param name="HostName">The host-name filter, or <see langword="null"/>.</param>
/// <param name="ClientSessionId">The session-id filter, or <see langword="null"/>.</param>
/// <param name="Scope">The effective scope (after defaults).</param>
/// <param name="User">The user filter, or <see langword="null"/>.</param>
/// <param name="HasRole">The role filter, or <see langword="null"/>.</param>
public readonly record struct FilterParams(string? HostName, string? ClientSessionId, Scope Scope, string? User, string? HasRole)
{
    /// <summary>Whether any filter that narrows clients and sessions is set.</summary>
    public bool HasFilters => ClientSessionId is not null || User is not null || HasRole is not null || HostName is not null;

    /// <summary>Formats as Ignition does: <c>{hostName=, clientSessionId=, scope=CG, user=, hasRole=}</c>.</summary>
    /// <returns>The formatted filters.</returns>
    public override string ToString() =>
        $"{{hostName={HostName}, clientSessionId={ClientSessionId}, scope={Scope.ToCode()}, user={User}, hasRole={HasRole}}}";
}
