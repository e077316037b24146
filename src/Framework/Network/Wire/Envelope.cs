using System.Text.Json;

namespace Switchboard.Network;

/// <summary>
/// One message between network members, version <see cref="CurrentVersion"/>. Which fields a kind needs is checked by
/// <see cref="EnvelopeReader"/>; the format is described in <c>samples/GatewayNetwork/README.md</c> ("Wire format").
/// </summary>
internal sealed record Envelope
{
    /// <summary>The only version this runtime reads and writes; anything else is dropped as unknown.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    public required string Kind { get; init; }

    /// <summary>The message id; replies and cancels carry the id of the message they answer.</summary>
    public string? Id { get; init; }

    public string? Project { get; init; }

    public string? Handler { get; init; }

    /// <summary>The scope and the client and session filters.</summary>
    public FilterParams? Filters { get; init; }

    public SenderInfo? Sender { get; init; }

    /// <summary>A <see cref="WireValue"/>: the message payload, or a request's response.</summary>
    public JsonElement? Payload { get; init; }

    /// <summary>
    /// The payload as this side encoded it (UTF-8 JSON of a <see cref="WireValue"/>), written as it is; only for
    /// sending, when <see cref="Payload"/> is absent. The reader always fills <see cref="Payload"/>.
    /// </summary>
    public byte[]? PayloadUtf8 { get; init; }

    /// <summary>The channel a reply goes to; <see langword="null"/> when no reply is wanted.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>When the sender stops waiting, in Unix milliseconds (UTC); a receiver drops the message after it.</summary>
    public long? Deadline { get; init; }

    /// <summary>The gateway a presence message is about.</summary>
    public string? Gateway { get; init; }

    /// <summary>The node (one <see cref="GatewayNetwork"/> instance) that sent the message.</summary>
    public string? Node { get; init; }

    /// <summary>The remote client a message is for or from.</summary>
    public string? SessionId { get; init; }

    /// <summary>A remote client's identity, so that a restarted gateway can attach it again.</summary>
    public ClientIdentity? Client { get; init; }

    /// <summary>A remote client's send or request to further gateways.</summary>
    public IReadOnlyList<string>? RemoteServers { get; init; }

    /// <summary>Whether the sender awaits the receiver's own delivery results.</summary>
    public bool AwaitResults { get; init; }

    /// <summary>The receiver's delivery results (in a reply to a send).</summary>
    public IReadOnlyList<WireResult>? Results { get; init; }

    /// <summary>The answers of the receiver's targets (in a reply to a request-all), in its selection order.</summary>
    public IReadOnlyList<WireAnswer>? Answers { get; init; }

    /// <summary>How a request, send or attach ended (in a reply).</summary>
    public WireOutcome? Outcome { get; init; }

    /// <summary>A presence message's state: <see cref="PresenceStates.Alive"/> or <see cref="PresenceStates.Leaving"/>.</summary>
    public string? State { get; init; }

    /// <summary>The replies a <see cref="EnvelopeKinds.Replies"/> envelope carries, each a valid <see cref="EnvelopeKinds.Reply"/>.</summary>
    public IReadOnlyList<Envelope>? Replies { get; init; }

    /// <summary>The sender's W3C trace context (<c>traceparent</c>), so that the receiver's spans join the sender's trace.</summary>
    public string? TraceParent { get; init; }
}

/// <summary>One delivery result of a remote gateway; project, handler and filters are the send's own.</summary>
internal sealed record WireResult(DeliveryTargetType Type, string? SessionId, string? ClientAddress, string? ClientHostName, string? ServerName, DeliveryStatus Status);

/// <summary>
/// One target's answer to a request-all: the target as a send's result names it, what it answered, and its value (a
/// <see cref="WireValue"/>) or why it failed. Project, handler and filters are the request-all's own.
/// </summary>
/// <param name="Target">The target, with the send status of the request to it.</param>
/// <param name="Status">What it answered.</param>
/// <param name="Value">The handler's value as read (<see cref="RequestAllStatus.Answered"/> only).</param>
/// <param name="ValueUtf8">The value as this side encoded it, for writing.</param>
/// <param name="Error">Why it failed (<see cref="RequestAllStatus.Failed"/>, <see cref="RequestAllStatus.Unreachable"/>).</param>
internal sealed record WireAnswer(WireResult Target, RequestAllStatus Status, JsonElement? Value = null, byte[]? ValueUtf8 = null, WireOutcome? Error = null);

/// <summary>How a remote operation ended: <see cref="OutcomeCodes"/> names the cases.</summary>
internal sealed record WireOutcome(string Code, string? Message = null, string? ErrorType = null, string? Detail = null);

/// <summary>The envelope kinds of version 1.</summary>
internal static class EnvelopeKinds
{
    /// <summary>Deliver to a gateway's own gateway scope, clients and sessions (<c>remoteServers</c>).</summary>
    public const string Send = "send";

    /// <summary>Call a gateway handler and reply with its value.</summary>
    public const string Request = "request";

    /// <summary>Ask a gateway's own gateway scope, clients and sessions (request-all to <c>remoteServers</c>) and reply with every answer.</summary>
    public const string RequestAll = "requestAll";

    /// <summary>A remote client makes a request-all through its gateway.</summary>
    public const string ClientRequestAll = "clientRequestAll";

    /// <summary>The requester stopped waiting: signal the handler's cancellation token.</summary>
    public const string Cancel = "cancel";

    /// <summary>The answer to a send, request, attach or client send, correlated by id.</summary>
    public const string Reply = "reply";

    /// <summary>
    /// Several replies to one node in one message, each a whole <see cref="Reply"/> envelope: a busy gateway confirms
    /// the sends that waited in its inbound queue together.
    /// </summary>
    public const string Replies = "replies";

    /// <summary>A remote client asks a gateway to attach it.</summary>
    public const string Attach = "attach";

    /// <summary>A remote client is alive (and attaches again if the gateway forgot it).</summary>
    public const string Heartbeat = "heartbeat";

    /// <summary>A remote client disconnects.</summary>
    public const string Detach = "detach";

    /// <summary>A gateway passes a message to one of its remote clients; with a reply channel, a request-all that wants its answer.</summary>
    public const string Deliver = "deliver";

    /// <summary>A remote client sends through its gateway.</summary>
    public const string ClientSend = "clientSend";

    /// <summary>A remote client makes a request through its gateway.</summary>
    public const string ClientRequest = "clientRequest";

    /// <summary>A gateway announces that it is alive or leaving.</summary>
    public const string Presence = "presence";

    /// <summary>Asks whether a gateway channel has a listener; receivers ignore it.</summary>
    public const string Ping = "ping";
}

/// <summary>The states of a presence message.</summary>
internal static class PresenceStates
{
    public const string Alive = "alive";
    public const string Leaving = "leaving";
}

/// <summary>The outcome codes of a reply.</summary>
internal static class OutcomeCodes
{
    public const string Ok = "ok";
    public const string NotFound = "notFound";
    public const string Failed = "failed";
    public const string Timeout = "timeout";
    public const string Cancelled = "cancelled";
    public const string Denied = "denied";
    public const string QueueFull = "queueFull";
    public const string BadPayload = "badPayload";
    public const string Unreachable = "unreachable";
    public const string Closed = "closed";
    public const string Invalid = "invalid";
}
