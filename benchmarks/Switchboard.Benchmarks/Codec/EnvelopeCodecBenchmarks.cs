using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Switchboard.Benchmarks.Codec.Baseline;
using Switchboard.Benchmarks.Contenders;
using Switchboard.Network;

namespace Switchboard.Benchmarks.Codec;

/// <summary>
/// The wire envelope's reader and writer, one record per kind against the single all-optional envelope they replaced
/// (kept verbatim under <c>Codec/Baseline</c> as the baseline of each category), on the messages that dominate traffic:
/// a typed remote send and its confirmation (a reply with one delivery result). Both sides read and write the very
/// same bytes. "Read and decode" also turns the payload into the handler's record, as a receiving gateway does: the
/// old path parsed a document, cloned the payload element and deserialized that; the new one deserializes straight
/// from the received bytes.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EnvelopeCodecBenchmarks
{
    private static readonly SenderInfo Sender = new(EndpointKind.Gateway, "agent-8088", null, null, [], null);
    private static readonly FilterParams Filters = new(null, null, Scope.Gateway, null, null);
    private static readonly ConversionSite Site = new("Benchmarks", "remotePing", typeof(RemotePing));
    private static readonly WireResult[] Results = [new(DeliveryTargetType.Gateway, null, null, null, null, DeliveryStatus.Sent)];

    private byte[] payload = null!;
    private byte[] sendBytes = null!;
    private byte[] replyBytes = null!;
    private SendEnvelope send = null!;
    private LegacyEnvelope legacySend = null!;
    private ReplyEnvelope reply = null!;
    private LegacyEnvelope legacyReply = null!;

    [GlobalSetup]
    public void Setup()
    {
        payload = WireValue.EncodeUtf8(new RemotePing(7), Site)!;
        send = new SendEnvelope
        {
            Id = "5f1c2a9b3d4e6f70-00000000000003e8", Project = "Benchmarks", Handler = "remotePing", Filters = Filters, Sender = Sender,
            Payload = payload, ReplyTo = "switchboard:node:0f8e4c2a9b3d4e6f708192a3b4c5d6e7", Deadline = 1_800_000_000_000,
        };
        legacySend = new LegacyEnvelope
        {
            Kind = EnvelopeKinds.Send, Id = send.Id, Project = send.Project, Handler = send.Handler, Filters = Filters, Sender = Sender,
            PayloadUtf8 = payload, ReplyTo = send.ReplyTo, Deadline = send.Deadline, AwaitResults = true,
        };
        reply = new ReplyEnvelope { Id = send.Id, Outcome = new WireOutcome(OutcomeCodes.Ok), Results = Results };
        legacyReply = new LegacyEnvelope { Kind = EnvelopeKinds.Reply, Id = send.Id, Outcome = reply.Outcome, Results = Results };
        sendBytes = EnvelopeWriter.Write(send);
        replyBytes = EnvelopeWriter.Write(reply);
        if (!sendBytes.AsSpan().SequenceEqual(LegacyEnvelopeWriter.Write(legacySend)) || !replyBytes.AsSpan().SequenceEqual(LegacyEnvelopeWriter.Write(legacyReply)))
        {
            throw new InvalidOperationException("The two writers do not write the same bytes: " + Encoding.UTF8.GetString(sendBytes));
        }
    }

    [Benchmark(Baseline = true, Description = "write send: one envelope (before)")]
    [BenchmarkCategory("write send")]
    public byte[] WriteSendLegacy() => LegacyEnvelopeWriter.Write(legacySend);

    [Benchmark(Description = "write send: record per kind")]
    [BenchmarkCategory("write send")]
    public byte[] WriteSend() => EnvelopeWriter.Write(send);

    [Benchmark(Baseline = true, Description = "read send: one envelope (before)")]
    [BenchmarkCategory("read send")]
    public object ReadSendLegacy() => LegacyEnvelopeReader.Read(sendBytes);

    [Benchmark(Description = "read send: record per kind, one pass")]
    [BenchmarkCategory("read send")]
    public object ReadSend() => EnvelopeReader.Read(sendBytes);

    [Benchmark(Baseline = true, Description = "read send and decode its typed payload (before)")]
    [BenchmarkCategory("read and decode send")]
    public object? ReadAndDecodeSendLegacy() => WireValue.Decode(LegacyEnvelopeReader.Read(sendBytes).Payload!.Value, typeof(RemotePing), Site);

    [Benchmark(Description = "read send and decode its typed payload, from the bytes")]
    [BenchmarkCategory("read and decode send")]
    public object? ReadAndDecodeSend() => WireValue.Decode(((SendEnvelope)EnvelopeReader.Read(sendBytes)).Payload, typeof(RemotePing), Site);

    [Benchmark(Baseline = true, Description = "write reply: one envelope (before)")]
    [BenchmarkCategory("write reply")]
    public byte[] WriteReplyLegacy() => LegacyEnvelopeWriter.Write(legacyReply);

    [Benchmark(Description = "write reply: record per kind")]
    [BenchmarkCategory("write reply")]
    public byte[] WriteReply() => EnvelopeWriter.Write(reply);

    [Benchmark(Baseline = true, Description = "read reply: one envelope (before)")]
    [BenchmarkCategory("read reply")]
    public object ReadReplyLegacy() => LegacyEnvelopeReader.Read(replyBytes);

    [Benchmark(Description = "read reply: record per kind, one pass")]
    [BenchmarkCategory("read reply")]
    public object ReadReply() => EnvelopeReader.Read(replyBytes);
}
