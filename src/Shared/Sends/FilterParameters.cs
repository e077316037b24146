namespace Switchboard.Analyzers.Sends;

/// <summary>
/// The send filters that narrow clients and sessions and never the gateway, as the runtime's sends name their
/// parameters: the generator leaves them out of the stubs of a handler that only the gateway declares, and the code
/// fix removes them from a call to such a stub.
/// </summary>
internal static class FilterParameters
{
    /// <summary>The parameter names, in the order the sends take them.</summary>
    public static readonly string[] Names = ["clientSessionId", "user", "hasRole", "hostName"];

    /// <summary>Whether <paramref name="parameterName"/> is one of <see cref="Names"/>.</summary>
    public static bool IsFilter(string parameterName) => System.Array.IndexOf(Names, parameterName) >= 0;

    /// <summary>
    /// Whether a non-empty <paramref name="parameterName"/> filter turns Ignition's default scope from CGS to CS: user,
    /// hasRole and hostName do; clientSessionId does not.
    /// </summary>
    public static bool NarrowsDefaultScope(string parameterName) => parameterName is "user" or "hasRole" or "hostName";
}
