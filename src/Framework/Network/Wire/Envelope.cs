namespace Switchboard.Network;

/// <summary>
/// One message between network members, version <see cref="CurrentVersion"/>: one sealed record per kind, each with
/// only the fields that kind has (required ones non-nullable). <see cref="EnvelopeReader"/> builds them and
/// <see cref="EnvelopeWriter"/> writes them; the format is described in <c>samples/GatewayNetwork/README.md</c> ("Wire format").
/// </summary>
internal abstract record Envelope
{
    /// <summary>The only version this runtime reads and writes; anything else is dropped as unknown.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The kind's name on the wire, one of <see cref="EnvelopeKinds"/>.</summary>
    public abstract string Kind { get; }
}

/// <summary>A message that runs a handler: a send, request, request-all or delivery, from a gateway or a remote client.</summary>
internal abstract record HandlerMessage : Envelope
{
    /// <summary>The message id; replies and cancels carry it back.</summary>
    public required string Id { get; init; }

    public required string Project { get; init; }

    public required string Handler { get; init; }

    /// <summary>
    /// The payload as UTF-8 JSON of a <see cref="WireValue"/>; empty when there is none. As read, it is a slice of the
    /// received bytes (a transport never reuses them), decoded only when a handler asks for it.
    /// </summary>
    public ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>When the sender stops waiting, in Unix milliseconds (UTC); a receiver drops the message after it.</summary>
    public long? Deadline { get; init; }

    /// <summary>The sender's W3C trace context (<c>traceparent</c>), so that the receiver's spans join the sender's trace.</summary>
    public string? TraceParent { get; init; }
}

/// <summary>A gateway's send to another gateway's own gateway scope, clients and sessions (<c>remoteServers</c>).</summary>
internal sealed record SendEnvelope : HandlerMessage
{
    public override string Kind => EnvelopeKinds.Send;

    public required FilterParams Filters { get; init; }

    public required SenderInfo Sender { get; init; }

    /// <summary>Where the receiver's delivery results go; <see langword="null"/> when the sender does not await them.</summary>
    public string? ReplyTo { get; init; }
}

/// <summary>A gateway's request to another gateway's handler.</summary>
internal sealed record RequestEnvelope : HandlerMessage
{
    public override string Kind => EnvelopeKinds.Request;

    public required SenderInfo Sender { get; init; }

    public required string ReplyTo { get; init; }
}

/// <summary>A gateway's request-all to another gateway's own gateway scope, clients and sessions.</summary>
internal sealed record RequestAllEnvelope : HandlerMessage
{
    public override string Kind => EnvelopeKinds.RequestAll;

    public required FilterParams Filters { get; init; }

    public required SenderInfo Sender { get; init; }

    public required string ReplyTo { get; init; }
}

/// <summary>A gateway passes a message to one of its remote clients; with a reply channel, a request-all that wants its answer.</summary>
internal sealed record DeliverEnvelope : HandlerMessage
{
    public override string Kind => EnvelopeKinds.Deliver;

    public required SenderInfo Sender { get; init; }

    /// <summary>The gateway the remote client is attached to.</summary>
    public required string Gateway { get; init; }

    /// <summary>The remote client the message is for.</summary>
    public required string SessionId { get; init; }

    public string? ReplyTo { get; init; }
}

/// <summary>A remote client's message through its gateway: it acts as the client the gateway accepted from that node.</summary>
internal abstract record ClientMessage : HandlerMessage
{
    /// <summary>The remote client the message is from.</summary>
    public required string SessionId { get; init; }

    /// <summary>The client's identity, so that a restarted gateway can attach it again.</summary>
    public required ClientIdentity Client { get; init; }

    /// <summary>The node (one <see cref="GatewayNetwork"/> instance) the client runs in.</summary>
    public required string Node { get; init; }

    public required string ReplyTo { get; init; }

    /// <summary>Further gateways the client's gateway passes the message on to.</summary>
    public IReadOnlyList<string>? RemoteServers { get; init; }
}

/// <summary>A remote client sends through its gateway.</summary>
internal sealed record ClientSendEnvelope : ClientMessage
{
    public override string Kind => EnvelopeKinds.ClientSend;

    public required FilterParams Filters { get; init; }

    /// <summary>Whether the client awaits the further gateways' own delivery results.</summary>
    public bool AwaitResults { get; init; }
}

/// <summary>A remote client makes a request through its gateway.</summary>
internal sealed record ClientRequestEnvelope : ClientMessage
{
    public override string Kind => EnvelopeKinds.ClientRequest;
}

/// <summary>A remote client makes a request-all through its gateway.</summary>
internal sealed record ClientRequestAllEnvelope : ClientMessage
{
    public override string Kind => EnvelopeKinds.ClientRequestAll;

    public required FilterParams Filters { get; init; }
}

/// <summary>The requester stopped waiting: signal the handler's cancellation token.</summary>
internal sealed record CancelEnvelope : Envelope
{
    public override string Kind => EnvelopeKinds.Cancel;

    public required string Id { get; init; }
}

/// <summary>The answer to a send, request, request-all, attach or client send, correlated by id.</summary>
internal sealed record ReplyEnvelope : Envelope
{
    public override string Kind => EnvelopeKinds.Reply;

    public required string Id { get; init; }

    /// <summary>How the operation ended.</summary>
    public required WireOutcome Outcome { get; init; }

    /// <summary>A request's response, as UTF-8 JSON of a <see cref="WireValue"/>; empty when there is none.</summary>
    public ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>The session id the gateway gave an attaching remote client.</summary>
    public string? SessionId { get; init; }

    /// <summary>The receiver's delivery results (in a reply to a send).</summary>
    public IReadOnlyList<WireResult>? Results { get; init; }

    /// <summary>The answers of the receiver's targets (in a reply to a request-all), in its selection order.</summary>
    public IReadOnlyList<WireAnswer>? Answers { get; init; }
}

/// <summary>
/// Several replies to one node in one message: a busy gateway confirms the sends that waited in its inbound queue
/// together. Written by <see cref="EnvelopeWriter.WriteBatch"/> from replies already written.
/// </summary>
internal sealed record RepliesEnvelope : Envelope
{
    public override string Kind => EnvelopeKinds.Replies;

    public required IReadOnlyList<ReplyEnvelope> Replies { get; init; }
}

/// <summary>A remote client asks a gateway to attach it.</summary>
internal sealed record AttachEnvelope : Envelope
{
    public override string Kind => EnvelopeKinds.Attach;

    public required string Id { get; init; }

    public required ClientIdentity Client { get; init; }

    public required string Node { get; init; }

    public required string ReplyTo { get; init; }
}

/// <summary>A remote client is alive (and attaches again if the gateway forgot it).</summary>
internal sealed record HeartbeatEnvelope : Envelope
{
    public override string Kind => EnvelopeKinds.Heartbeat;

    public required string SessionId { get; init; }

    public required ClientIdentity Client { get; init; }

    public required string Node { get; init; }
}

/// <summary>A remote client disconnects.</summary>
internal sealed record DetachEnvelope : Envelope
{
    public override string Kind => EnvelopeKinds.Detach;

    public required string SessionId { get; init; }

    /// <summary>The node the client ran in; a detach without one is ignored (only the attaching node may detach).</summary>
    public string? Node { get; init; }
}

/// <summary>A gateway announces that it is alive or leaving.</summary>
internal sealed record PresenceEnvelope : Envelope
{
    public override string Kind => EnvelopeKinds.Presence;

    public required string Gateway { get; init; }

    public required string Node { get; init; }

    /// <summary><see cref="PresenceStates.Alive"/> or <see cref="PresenceStates.Leaving"/>.</summary>
    public required string State { get; init; }
}

/// <summary>Asks whether a gateway channel has a listener; receivers ignore it.</summary>
internal sealed record PingEnvelope : Envelope
{
    /// <summary>The one ping every sender writes.</summary>
    public static readonly PingEnvelope Instance = new();

    public override string Kind => EnvelopeKinds.Ping;

    public string? Id { get; init; }
}

/// <summary>One delivery result of a remote gateway; project, handler and filters are the send's own.</summary>
internal sealed record WireResult(DeliveryTargetType Type, string? SessionId, string? ClientAddress, string? ClientHostName, string? ServerName, DeliveryStatus Status);

/// <summary>
/// One target's answer to a request-all: the target as a send's result names it, what it answered, and its value (a
/// <see cref="WireValue"/>) or why it failed. Project, handler and filters are the request-all's own.
/// </summary>
/// <param name="Target">The target, with the send status of the request to it.</param>
/// <param name="Status">What it answered.</param>
/// <param name="Value">The handler's value as UTF-8 JSON of a <see cref="WireValue"/> (<see cref="RequestAllStatus.Answered"/> only; empty otherwise).</param>
/// <param name="Error">Why it failed (<see cref="RequestAllStatus.Failed"/>, <see cref="RequestAllStatus.Unreachable"/>).</param>
internal sealed record WireAnswer(WireResult Target, RequestAllStatus Status, ReadOnlyMemory<byte> Value = default, WireOutcome? Error = null);

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
