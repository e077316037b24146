using System.Text.Json;
using Switchboard.Network;

namespace Switchboard.Benchmarks.Codec.Baseline;

/// <summary>
/// The envelope as it was before one record per kind (one type, every field optional), kept verbatim as the codec
/// benchmark's baseline.
/// One message between network members, version <see cref="CurrentVersion"/>. Which fields a kind needs is checked by
/// <see cref="EnvelopeReader"/>; the format is described in <c>samples/GatewayNetwork/README.md</c> ("Wire format").
/// </summary>
internal sealed record LegacyEnvelope
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
    public IReadOnlyList<LegacyWireAnswer>? Answers { get; init; }

    /// <summary>How a request, send or attach ended (in a reply).</summary>
    public WireOutcome? Outcome { get; init; }

    /// <summary>A presence message's state: <see cref="PresenceStates.Alive"/> or <see cref="PresenceStates.Leaving"/>.</summary>
    public string? State { get; init; }

    /// <summary>The replies a <see cref="EnvelopeKinds.Replies"/> envelope carries, each a valid <see cref="EnvelopeKinds.Reply"/>.</summary>
    public IReadOnlyList<LegacyEnvelope>? Replies { get; init; }

    /// <summary>The sender's W3C trace context (<c>traceparent</c>), so that the receiver's spans join the sender's trace.</summary>
    public string? TraceParent { get; init; }
}

/// <summary>
/// One target's answer to a request-all: the target as a send's result names it, what it answered, and its value (a
/// <see cref="WireValue"/>) or why it failed. Project, handler and filters are the request-all's own.
/// </summary>
/// <param name="Target">The target, with the send status of the request to it.</param>
/// <param name="Status">What it answered.</param>
/// <param name="Value">The handler's value as read (<see cref="RequestAllStatus.Answered"/> only).</param>
/// <param name="ValueUtf8">The value as this side encoded it, for writing.</param>
/// <param name="Error">Why it failed (<see cref="RequestAllStatus.Failed"/>, <see cref="RequestAllStatus.Unreachable"/>).</param>
internal sealed record LegacyWireAnswer(WireResult Target, RequestAllStatus Status, JsonElement? Value = null, byte[]? ValueUtf8 = null, WireOutcome? Error = null);

