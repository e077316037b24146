using Microsoft.Extensions.Logging;

namespace Switchboard.Network;

/// <summary>
/// Names, sizes and timeouts of a <see cref="GatewayNetwork"/>. Every member of one network must use the same
/// <see cref="NetworkName"/>; the timeouts may differ per process.
/// </summary>
public sealed class GatewayNetworkOptions
{
    /// <summary>
    /// The network's name, the prefix of every channel it uses, so that several deployments can share one Redis
    /// (for example <c>"plant-a"</c> and <c>"plant-b"</c>). Default <c>"switchboard"</c>; at most 986 characters.
    /// </summary>
    public string NetworkName { get; set; } = "switchboard";

    /// <summary>How often gateways announce themselves and remote clients tell their gateway they are alive; default 1 s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a gateway or remote client may stay silent before it counts as gone: sends to such a gateway say
    /// <c>UNREACHABLE</c>, requests and awaited sends already in flight to it fail at the next heartbeat (a request with
    /// <see cref="GatewayUnreachableException"/>) instead of waiting for their own timeouts, and such a client is no
    /// longer selected. Default 5 s; keep it a few heartbeats long.
    /// </summary>
    public TimeSpan PresenceTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an awaited <c>SendAsync</c> with <c>remoteServers</c> waits for each remote gateway to confirm and report
    /// its own results (a server that does not confirm in time is reported <c>UNREACHABLE</c>), and how long a remote
    /// client waits for its gateway to answer a send. Default 5 s.
    /// </summary>
    public TimeSpan RemoteResultsTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether an awaited <c>SendAsync</c> with <c>remoteServers</c> waits for each remote gateway to confirm and report
    /// its own delivery results (default <see langword="true"/>). When <see langword="false"/>, it completes once each
    /// message is published to a gateway of that name that listens, as Ignition's <c>sendMessage</c> and the
    /// synchronous <c>SendMessage</c> do: a server is <c>SENT</c> when a gateway of that name subscribes to its channel
    /// and <c>UNREACHABLE</c> (with the reason logged) otherwise. The report then holds only the <c>RemoteGateway</c>
    /// lines, not the remote gateway's per-endpoint results; a payload the remote gateway cannot read, and a message it
    /// drops on arrival (its inbound queue full, or larger than its own <see cref="MaxMessageBytes"/>), are logged and
    /// counted there instead of reported to the sender. Use it when the sender has no use for the remote results: it
    /// spares the sender a wait of one round trip per send, though not the receiver's work, so a stream of sends is not
    /// much faster (see docs/benchmarks.md).
    /// </summary>
    public bool ConfirmRemoteSends { get; set; } = true;

    /// <summary>How long <see cref="GatewayNetwork.ConnectClientAsync"/> waits for the gateway to accept the client; default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest message sent or accepted, in bytes; larger ones are refused to the sender and dropped by receivers. Default 1 MiB.</summary>
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How many received messages may wait to be handled, on a node's channels together (presence apart); when more
    /// wait, the oldest are dropped and counted (<see cref="DropReason.Overloaded"/>) as the node reads them, until no
    /// more than this many wait. Default 10,000. The messages wait in the transport's own queue for each channel (for
    /// Redis, StackExchange.Redis's), which does not refuse them on arrival: what bounds the memory they take is the
    /// node's reader, which sheds the oldest as fast as it reads, so a node whose thread pool is starved can hold more
    /// than this many for as long as it is.
    /// </summary>
    public int InboundQueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// The network's shared secret (at least 32 bytes of UTF-8; <c>openssl rand -base64 32</c> makes one). When set,
    /// every message this node publishes is signed with it (HMAC-SHA256 over the message, its channel, a timestamp and a
    /// nonce), and every message it receives must be signed with it or one of <see cref="AcceptedNetworkKeys"/>, inside
    /// <see cref="ReplayWindow"/> and not seen before; anything else is dropped and counted
    /// (<see cref="DropReason.Unauthenticated"/>, <see cref="DropReason.Replayed"/>). Every member of a network needs
    /// the same key. When <see langword="null"/> (the default), messages are neither signed nor checked, and anyone who
    /// can publish to the transport can run any handler as anyone: the Redis network logs a warning at startup, and
    /// the hosted one refuses to start in Production without a key (see the README, "Securing the network").
    /// </summary>
    public string? NetworkKey { get; set; }

    /// <summary>
    /// Further keys accepted on received messages, never used to sign; for rotating <see cref="NetworkKey"/> without
    /// dropping traffic, in three rolling restarts: first every process accepts the new key (its NetworkKey still the
    /// old one), then every process signs with the new key and still accepts the old one, then the old one is removed.
    /// Empty by default.
    /// </summary>
    public IList<string> AcceptedNetworkKeys { get; set; } = [];

    /// <summary>
    /// How far a signed message's timestamp may be from this node's clock (either way) for it to be accepted, and so
    /// how long its nonce is remembered against replay. Keep it above the clock skew between the machines. Default 30 s.
    /// </summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most <c>remoteServers</c> one send may name. A local send naming more throws <see cref="ArgumentException"/>;
    /// a remote client's send naming more is dropped and counted by its gateway, so that one message cannot make a
    /// gateway publish thousands. Default 64.
    /// </summary>
    public int MaxRemoteServers { get; set; } = 64;

    /// <summary>Where the network logs; none by default.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// The clock and timers for the deadlines of sends and requests waiting for a reply, and the clock that measures how
    /// long a gateway has been silent (<see cref="PresenceTimeout"/>); <see cref="TimeProvider.System"/> by default.
    /// Tests pass a fake one (for example <c>FakeTimeProvider</c>) to time replies out, or let a gateway fall silent,
    /// without waiting. Heartbeats are sent on the system clock either way.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal GatewayNetworkOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(NetworkName))
        {
            throw new ArgumentException("GatewayNetworkOptions.NetworkName must not be empty; it prefixes every channel of the network.", nameof(NetworkName));
        }

        if (NetworkName.Length > NetworkChannels.MaxNetworkNameLength)
        {
            throw new ArgumentException(
                $"GatewayNetworkOptions.NetworkName is {NetworkName.Length} characters long; it may have at most {NetworkChannels.MaxNetworkNameLength}, " +
                "so that a node's channel, which every reply is addressed to, is at most the 1,024 characters any name on the wire may have.",
                nameof(NetworkName));
        }

        Positive(HeartbeatInterval, nameof(HeartbeatInterval));
        Positive(PresenceTimeout, nameof(PresenceTimeout));
        Positive(RemoteResultsTimeout, nameof(RemoteResultsTimeout));
        Positive(ConnectTimeout, nameof(ConnectTimeout));
        Positive(ReplayWindow, nameof(ReplayWindow));
        if (MaxRemoteServers <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRemoteServers), MaxRemoteServers, "GatewayNetworkOptions.MaxRemoteServers must be greater than zero.");
        }

        ArgumentNullException.ThrowIfNull(AcceptedNetworkKeys);
        if (PresenceTimeout <= HeartbeatInterval)
        {
            throw new ArgumentOutOfRangeException(
                nameof(PresenceTimeout), PresenceTimeout,
                $"GatewayNetworkOptions.PresenceTimeout ({PresenceTimeout}) must be longer than HeartbeatInterval ({HeartbeatInterval}); a few heartbeats long is best.");
        }

        if (MaxMessageBytes < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMessageBytes), MaxMessageBytes, "GatewayNetworkOptions.MaxMessageBytes must be at least 1024.");
        }

        if (InboundQueueCapacity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(InboundQueueCapacity), InboundQueueCapacity, "GatewayNetworkOptions.InboundQueueCapacity must be greater than zero.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        return this;
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, $"GatewayNetworkOptions.{name} must be positive.");
        }
    }
}
