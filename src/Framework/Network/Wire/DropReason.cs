namespace Switchboard.Network;

/// <summary>Why a received message was dropped without being acted on.</summary>
public enum DropReason
{
    /// <summary>
    /// Not a valid version-1 envelope: not JSON, a field of the wrong type, a required field missing, or a name (any
    /// string field but an outcome's message, error type and detail) longer than 1,024 characters, the most the API
    /// accepts for a project, handler, gateway, filter or identity.
    /// </summary>
    Malformed,

    /// <summary>Larger than <see cref="GatewayNetworkOptions.MaxMessageBytes"/>.</summary>
    Oversized,

    /// <summary>An envelope version this runtime does not read.</summary>
    UnknownVersion,

    /// <summary>It arrived after its deadline, when its sender had already stopped waiting.</summary>
    Expired,

    /// <summary>
    /// At least <see cref="GatewayNetworkOptions.InboundQueueCapacity"/> messages waited behind it when the node read it
    /// (so more than the capacity waited in all): the oldest are shed until no more than the capacity wait.
    /// </summary>
    Overloaded,

    /// <summary>
    /// Not signed, or signed with a key the node does not accept, on a network with a
    /// <see cref="GatewayNetworkOptions.NetworkKey"/>.
    /// </summary>
    Unauthenticated,

    /// <summary>
    /// Correctly signed, but a copy of a message already received, or signed outside
    /// <see cref="GatewayNetworkOptions.ReplayWindow"/> of this node's clock.
    /// </summary>
    Replayed,

    /// <summary>It names more <c>remoteServers</c> than <see cref="GatewayNetworkOptions.MaxRemoteServers"/> allows.</summary>
    TooManyRemoteServers,
}
