namespace Switchboard;

/// <summary>The kinds of endpoint that attach to a gateway.</summary>
public enum EndpointKind
{
    /// <summary>The gateway itself.</summary>
    Gateway,

    /// <summary>A client (Ignition's Vision client).</summary>
    Client,

    /// <summary>A session (Ignition's Perspective session).</summary>
    Session,

    /// <summary>A designer: sends when read/write communication is on, never receives.</summary>
    Designer,
}
