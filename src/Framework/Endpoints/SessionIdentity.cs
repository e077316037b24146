namespace Switchboard;

/// <summary>Identifies a session (Ignition's Perspective session) when it opens on a gateway.</summary>
public sealed record SessionIdentity : EndpointIdentity;
