using System.Text;
using Switchboard.Network;

namespace Switchboard.Tests;

/// <summary>
/// The wire format is fixed byte for byte: signatures are computed over these bytes and other versions of the runtime
/// read them, so each kind is written exactly as pinned here, and what is read writes back to the same bytes.
/// </summary>
public sealed class EnvelopeCodecTests
{
    private static readonly SenderInfo Sender = new(EndpointKind.Client, "agent-8088", "65F7A472", "bob", ["ops", "admin"], "hmi-1");
    private static readonly FilterParams Filters = new("hmi-1", null, Scope.Client | Scope.Session, "bob", null);
    private static readonly ClientIdentity Client = new() { Project = "X", User = "bob", Roles = ["ops"], HostName = "hmi-1", Address = "10.0.0.7", SessionId = "65F7A472" };
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("""{"t":"json","v":{"sequence":7}}""");

    public static TheoryData<string> Kinds() => new(Samples().Keys);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EachKindIsWrittenAsPinned(string name)
    {
        var (envelope, expected) = Samples()[name];

        Assert.Equal(expected, Encoding.UTF8.GetString(EnvelopeWriter.Write(envelope)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void WhatIsReadWritesBackToTheSameBytes(string name)
    {
        var expected = Samples()[name].Json;

        Assert.Equal(expected, Encoding.UTF8.GetString(EnvelopeWriter.Write(EnvelopeReader.Read(Encoding.UTF8.GetBytes(expected)))));
    }

    [Fact]
    public void ABatchOfRepliesIsWrittenAsPinnedAndReadsBackAsItsReplies()
    {
        var replies = new[] { Samples()["reply with results"].Json, Samples()["reply with a value"].Json };
        var batch = EnvelopeWriter.WriteBatch(EnvelopeKinds.Replies, replies.Select(Encoding.UTF8.GetBytes).ToArray());

        Assert.Equal("""{"v":1,"kind":"replies","replies":[""" + string.Join(",", replies) + "]}", Encoding.UTF8.GetString(batch));
        Assert.Equal(replies, Replies(EnvelopeReader.Read(batch)).Select(reply => Encoding.UTF8.GetString(EnvelopeWriter.Write(reply))));
    }

    private static IEnumerable<Envelope> Replies(Envelope batch) => batch.Replies!;

    private static Dictionary<string, (Envelope Envelope, string Json)> Samples() => new()
    {
        ["send"] = (
            new Envelope { Kind = EnvelopeKinds.Send, Id = "p-1", Project = "X", Handler = "test", Filters = Filters, Sender = Sender, PayloadUtf8 = Payload, ReplyTo = "sb:node:n1", Deadline = 1_800_000_000_000, AwaitResults = true, TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" },
            """{"v":1,"kind":"send","id":"p-1","project":"X","handler":"test","scope":"CS","filters":{"user":"bob","hostName":"hmi-1"},"sender":{"kind":"Client","gateway":"agent-8088","sessionId":"65F7A472","user":"bob","roles":["ops","admin"],"hostName":"hmi-1"},"payload":{"t":"json","v":{"sequence":7}},"replyTo":"sb:node:n1","traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01","deadline":1800000000000,"awaitResults":true}"""),
        ["send, fire and forget"] = (
            new Envelope { Kind = EnvelopeKinds.Send, Id = "p-2", Project = "X", Handler = "test", Filters = new FilterParams(null, null, Scope.Gateway, null, null), Sender = Sender with { Roles = [] } },
            """{"v":1,"kind":"send","id":"p-2","project":"X","handler":"test","scope":"G","filters":{},"sender":{"kind":"Client","gateway":"agent-8088","sessionId":"65F7A472","user":"bob","roles":[],"hostName":"hmi-1"}}"""),
        ["request"] = (
            new Envelope { Kind = EnvelopeKinds.Request, Id = "p-3", Project = "X", Handler = "add", Sender = Sender, PayloadUtf8 = Payload, ReplyTo = "sb:node:n1", Deadline = 1_800_000_000_000 },
            """{"v":1,"kind":"request","id":"p-3","project":"X","handler":"add","sender":{"kind":"Client","gateway":"agent-8088","sessionId":"65F7A472","user":"bob","roles":["ops","admin"],"hostName":"hmi-1"},"payload":{"t":"json","v":{"sequence":7}},"replyTo":"sb:node:n1","deadline":1800000000000}"""),
        ["requestAll"] = (
            new Envelope { Kind = EnvelopeKinds.RequestAll, Id = "p-4", Project = "X", Handler = "add", Filters = Filters, Sender = Sender, PayloadUtf8 = Payload, ReplyTo = "sb:node:n1", Deadline = 1_800_000_000_000 },
            """{"v":1,"kind":"requestAll","id":"p-4","project":"X","handler":"add","scope":"CS","filters":{"user":"bob","hostName":"hmi-1"},"sender":{"kind":"Client","gateway":"agent-8088","sessionId":"65F7A472","user":"bob","roles":["ops","admin"],"hostName":"hmi-1"},"payload":{"t":"json","v":{"sequence":7}},"replyTo":"sb:node:n1","deadline":1800000000000}"""),
        ["clientRequestAll"] = (
            new Envelope { Kind = EnvelopeKinds.ClientRequestAll, Id = "p-5", Project = "X", Handler = "add", Filters = Filters, PayloadUtf8 = Payload, ReplyTo = "sb:node:n1", Deadline = 1_800_000_000_000, Node = "n1", SessionId = "65F7A472", Client = Client, RemoteServers = ["agent-9000", "agent-9001"] },
            """{"v":1,"kind":"clientRequestAll","id":"p-5","project":"X","handler":"add","scope":"CS","filters":{"user":"bob","hostName":"hmi-1"},"payload":{"t":"json","v":{"sequence":7}},"replyTo":"sb:node:n1","deadline":1800000000000,"node":"n1","sessionId":"65F7A472","client":{"project":"X","user":"bob","roles":["ops"],"hostName":"hmi-1","address":"10.0.0.7","sessionId":"65F7A472"},"remoteServers":["agent-9000","agent-9001"]}"""),
        ["cancel"] = (new Envelope { Kind = EnvelopeKinds.Cancel, Id = "p-6" }, """{"v":1,"kind":"cancel","id":"p-6"}"""),
        ["reply with results"] = (
            new Envelope { Kind = EnvelopeKinds.Reply, Id = "p-7", Outcome = new WireOutcome(OutcomeCodes.Ok), Results = [new WireResult(DeliveryTargetType.Gateway, null, null, null, null, DeliveryStatus.Sent), new WireResult(DeliveryTargetType.Client, "65F7A472", "10.0.0.7", "hmi-1", "agent-9000", DeliveryStatus.QueueFull)] },
            """{"v":1,"kind":"reply","id":"p-7","results":[{"type":"Gateway","status":"SENT"},{"type":"Client","sessionId":"65F7A472","clientAddress":"10.0.0.7","clientHostName":"hmi-1","serverName":"agent-9000","status":"QUEUE_FULL"}],"outcome":{"code":"ok"}}"""),
        ["reply with a value"] = (
            new Envelope { Kind = EnvelopeKinds.Reply, Id = "p-8", Outcome = new WireOutcome(OutcomeCodes.Ok), PayloadUtf8 = Encoding.UTF8.GetBytes("""{"t":"int32","v":3}""") },
            """{"v":1,"kind":"reply","id":"p-8","payload":{"t":"int32","v":3},"outcome":{"code":"ok"}}"""),
        ["reply to an attach"] = (new Envelope { Kind = EnvelopeKinds.Reply, Id = "p-9", Outcome = new WireOutcome(OutcomeCodes.Ok), SessionId = "65F7A472" }, """{"v":1,"kind":"reply","id":"p-9","sessionId":"65F7A472","outcome":{"code":"ok"}}"""),
        ["reply that failed"] = (
            new Envelope { Kind = EnvelopeKinds.Reply, Id = "p-10", Outcome = new WireOutcome(OutcomeCodes.Failed, "it broke", "System.InvalidOperationException", "at Handler()") },
            """{"v":1,"kind":"reply","id":"p-10","outcome":{"code":"failed","message":"it broke","errorType":"System.InvalidOperationException","detail":"at Handler()"}}"""),
        ["reply with answers"] = (
            new Envelope
            {
                Kind = EnvelopeKinds.Reply, Id = "p-11", Outcome = new WireOutcome(OutcomeCodes.Ok),
                Answers =
                [
                    new WireAnswer(new WireResult(DeliveryTargetType.Session, "S1", null, null, null, DeliveryStatus.Sent), RequestAllStatus.Answered, ValueUtf8: Encoding.UTF8.GetBytes("""{"t":"int32","v":3}""")),
                    new WireAnswer(new WireResult(DeliveryTargetType.Gateway, null, null, null, null, DeliveryStatus.Sent), RequestAllStatus.Failed, Error: new WireOutcome(OutcomeCodes.Failed, "no")),
                ],
            },
            """{"v":1,"kind":"reply","id":"p-11","answers":[{"type":"Session","sessionId":"S1","status":"SENT","answer":"ANSWERED","value":{"t":"int32","v":3}},{"type":"Gateway","status":"SENT","answer":"FAILED","error":{"code":"failed","message":"no"}}],"outcome":{"code":"ok"}}"""),
        ["attach"] = (new Envelope { Kind = EnvelopeKinds.Attach, Id = "p-12", Client = Client, Node = "n1", ReplyTo = "sb:node:n1" }, """{"v":1,"kind":"attach","id":"p-12","replyTo":"sb:node:n1","node":"n1","client":{"project":"X","user":"bob","roles":["ops"],"hostName":"hmi-1","address":"10.0.0.7","sessionId":"65F7A472"}}"""),
        ["heartbeat"] = (new Envelope { Kind = EnvelopeKinds.Heartbeat, SessionId = "65F7A472", Client = Client, Node = "n1" }, """{"v":1,"kind":"heartbeat","node":"n1","sessionId":"65F7A472","client":{"project":"X","user":"bob","roles":["ops"],"hostName":"hmi-1","address":"10.0.0.7","sessionId":"65F7A472"}}"""),
        ["detach"] = (new Envelope { Kind = EnvelopeKinds.Detach, SessionId = "65F7A472", Node = "n1" }, """{"v":1,"kind":"detach","node":"n1","sessionId":"65F7A472"}"""),
        ["deliver"] = (
            new Envelope { Kind = EnvelopeKinds.Deliver, Id = "p-13", Gateway = "agent-8088", SessionId = "65F7A472", Project = "X", Handler = "test", Sender = Sender, PayloadUtf8 = Payload, ReplyTo = "sb:node:n2", Deadline = 1_800_000_000_000 },
            """{"v":1,"kind":"deliver","id":"p-13","project":"X","handler":"test","sender":{"kind":"Client","gateway":"agent-8088","sessionId":"65F7A472","user":"bob","roles":["ops","admin"],"hostName":"hmi-1"},"payload":{"t":"json","v":{"sequence":7}},"replyTo":"sb:node:n2","deadline":1800000000000,"gateway":"agent-8088","sessionId":"65F7A472"}"""),
        ["clientSend"] = (
            new Envelope { Kind = EnvelopeKinds.ClientSend, Id = "p-14", Project = "X", Handler = "test", Filters = Filters, PayloadUtf8 = Payload, ReplyTo = "sb:node:n1", Deadline = 1_800_000_000_000, Node = "n1", SessionId = "65F7A472", Client = Client, RemoteServers = ["agent-9000"], AwaitResults = true },
            """{"v":1,"kind":"clientSend","id":"p-14","project":"X","handler":"test","scope":"CS","filters":{"user":"bob","hostName":"hmi-1"},"payload":{"t":"json","v":{"sequence":7}},"replyTo":"sb:node:n1","deadline":1800000000000,"node":"n1","sessionId":"65F7A472","client":{"project":"X","user":"bob","roles":["ops"],"hostName":"hmi-1","address":"10.0.0.7","sessionId":"65F7A472"},"remoteServers":["agent-9000"],"awaitResults":true}"""),
        ["clientRequest"] = (
            new Envelope { Kind = EnvelopeKinds.ClientRequest, Id = "p-15", Project = "X", Handler = "add", PayloadUtf8 = Payload, ReplyTo = "sb:node:n1", Deadline = 1_800_000_000_000, Node = "n1", SessionId = "65F7A472", Client = Client, RemoteServers = ["agent-9000"] },
            """{"v":1,"kind":"clientRequest","id":"p-15","project":"X","handler":"add","payload":{"t":"json","v":{"sequence":7}},"replyTo":"sb:node:n1","deadline":1800000000000,"node":"n1","sessionId":"65F7A472","client":{"project":"X","user":"bob","roles":["ops"],"hostName":"hmi-1","address":"10.0.0.7","sessionId":"65F7A472"},"remoteServers":["agent-9000"]}"""),
        ["presence"] = (new Envelope { Kind = EnvelopeKinds.Presence, Gateway = "agent-8088", Node = "n1", State = PresenceStates.Alive }, """{"v":1,"kind":"presence","gateway":"agent-8088","node":"n1","state":"alive"}"""),
        ["ping"] = (new Envelope { Kind = EnvelopeKinds.Ping }, """{"v":1,"kind":"ping"}"""),
    };
}
