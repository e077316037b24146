namespace Switchboard;

/// <summary>The kind of system a <see cref="DeliveryResult"/> is about (Ignition's <c>type=</c>).</summary>
public enum DeliveryTargetType
{
    /// <summary>The local gateway (<c>type=Gateway</c>).</summary>
    Gateway,

    /// <summary>A client (<c>type=Client</c>).</summary>
    Client,

    /// <summary>A session (<c>type=Session</c>).</summary>
    Session,

    /// <summary>A remote gateway on the gateway network (<c>type=RemoteGateway</c>).</summary>
    RemoteGateway,
}
