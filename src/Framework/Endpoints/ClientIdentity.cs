namespace Switchboard;

/// <summary>Identifies a client (Ignition's Vision client) when it connects to a gateway.</summary>
public sealed record ClientIdentity : EndpointIdentity;
