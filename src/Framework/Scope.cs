namespace Switchboard;

/// <summary>
/// Where a message handler lives and where a message may be delivered: Ignition's scope letters
/// <c>C</c> (Vision clients), <c>G</c> (the gateway) and <c>S</c> (Perspective sessions), in any combination.
/// </summary>
/// <remarks>Use <see cref="ScopeCode"/> to parse and format the Ignition letters.</remarks>
[Flags]
public enum Scope
{
    /// <summary>Clients attached to a gateway (Ignition's <c>"C"</c>).</summary>
    Client = 1,

    /// <summary>The gateway itself (Ignition's <c>"G"</c>).</summary>
    Gateway = 2,

    /// <summary>Sessions hosted by a gateway (Ignition's <c>"S"</c>).</summary>
    Session = 4,
}
