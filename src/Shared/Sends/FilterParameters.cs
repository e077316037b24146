namespace Switchboard.Analyzers.Sends;

/// <summary>
/// The send filters that narrow clients and sessions and never the gateway, as the runtime's sends name their
/// parameters: the generator leaves them out of the stubs of a handler that only the gateway declares (or, for a
/// request-all, answers), and the code fix removes them from a call to such a stub.
/// </summary>
internal static class FilterParameters
{
    /// <summary>The parameter names, in the order the sends take them.</summary>
    public static readonly string[] Names = ["clientSessionId", "user", "hasRole", "hostName"];

    /// <summary>Whether <paramref name="parameterName"/> is one of <see cref="Names"/>.</summary>
    public static bool IsFilter(string parameterName) => System.Array.IndexOf(Names, parameterName) >= 0;
}
