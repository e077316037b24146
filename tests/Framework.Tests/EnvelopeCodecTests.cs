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

    [Theory]
    [InlineData("send", typeof(SendEnvelope))]
    [InlineData("clientSend", typeof(ClientSendEnvelope))]
    [InlineData("reply with answers", typeof(ReplyEnvelope))]
    [InlineData("presence", typeof(PresenceEnvelope))]
    public void EachKindIsReadAsItsOwnRecord(string name, Type record) =>
        Assert.IsType(record, EnvelopeReader.Read(Encoding.UTF8.GetBytes(Samples()[name].Json)));

    [Fact]
    public void AReceivedPayloadStaysTheBytesItArrivedAs()
    {
        var data = Encoding.UTF8.GetBytes(Samples()["send"].Json);

        var send = Assert.IsType<SendEnvelope>(EnvelopeReader.Read(data));

        Assert.Equal(Payload, send.Payload.ToArray());
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(send.Payload, out var segment) && ReferenceEquals(segment.Array, data));
    }

    [Theory]
    [InlineData("""{"v":1,"kind":"send","id":"a","project":"X","handler":"h","scope":"G","sender":{"kind":"Gateway","gateway":"g"},"deadline":"soon","v":2}""", DropReason.UnknownVersion)]
    [InlineData("""{"kind":"send","id":"a","v":1.5}""", DropReason.UnknownVersion)]
    [InlineData("""{"v":1,"kind":"send","id":"a","project":"X","handler":"h","scope":"G","sender":{"kind":"Gateway","gateway":"g"}} x""", DropReason.Malformed)]
    [InlineData("""{"v":1,"kind":"cancel"}""", DropReason.Malformed)]
    [InlineData("""{"v":1,"kind":"cancel","id":"a","sender":{"kind":"Gateway"}}""", DropReason.Malformed)]
    [InlineData("""{"v":1,"kind":"replies","replies":[]}""", DropReason.Malformed)]
    [InlineData("""{"v":1,"kind":"replies","replies":[{"v":1,"kind":"cancel","id":"a"}]}""", DropReason.Malformed)]
    [InlineData("""{"v":1,"kind":"replies","replies":[{"v":1,"kind":"reply","id":"a","outcome":{"code":"ok"},"replies":[]}]}""", DropReason.Malformed)]
    [InlineData("""{"v":1,"kind":"reply","id":"a","outcome":{"code":"ok"},"answers":[{"type":"Gateway","status":"SENT"}]}""", DropReason.Malformed)]
    [InlineData("""{"v":1,"kind":"detach","sessionId":"s","node":7}""", DropReason.Malformed)]
    public void WhatAKindCannotBeIsDroppedForItsReason(string json, DropReason reason) =>
        Assert.Equal(reason, Assert.Throws<EnvelopeException>(() => EnvelopeReader.Read(Encoding.UTF8.GetBytes(json))).Reason);

    [Fact]
    public void AnEscapedFieldNameMeansWhatItSays()
    {
        var cancel = EnvelopeReader.Read(Encoding.UTF8.GetBytes("""{"\u0076":1,"kind":"cancel","\u0069d":"a"}"""));

        Assert.Equal("a", Assert.IsType<CancelEnvelope>(cancel).Id);
    }

    [Theory]
    [InlineData("""{"t":"json","v":{"Tag":"t1","Value":2.5}}""")]
    [InlineData("""{"v":{"Tag":"t1","Value":2.5},"t":"json"}""")]
    [InlineData("""{"t":"json","v":{"Tag":"t1","Value":2.5},"extra":1}""")]
    public void ATypedPayloadDecodesFromItsBytesAsFromADocument(string json)
    {
        var site = new ConversionSite("X", "h", typeof(Reading));

        Assert.Equal(new Reading("t1", 2.5), WireValue.Decode(Encoding.UTF8.GetBytes(json), typeof(Reading), site));
        Assert.Equal(new Reading("t1", 2.5), WireValue.Decode(System.Text.Json.JsonDocument.Parse(json).RootElement, typeof(Reading), site));
    }

    [Fact]
    public void ATypedPayloadThatDoesNotFitIsRefusedFromItsBytes()
    {
        var site = new ConversionSite("X", "h", typeof(Reading));

        Assert.Throws<PayloadConversionException>(() => WireValue.Decode(Encoding.UTF8.GetBytes("""{"t":"json","v":{"Tag":"t1","Value":"high"}}"""), typeof(Reading), site));
        Assert.Throws<PayloadConversionException>(() => WireValue.Decode(Encoding.UTF8.GetBytes("""{"t":"int32","v":"seven"}"""), typeof(int), site));
        Assert.Null(WireValue.Decode(ReadOnlyMemory<byte>.Empty, typeof(Reading), site));
    }

    // A stream of sends from one gateway repeats its sender and filters: read once, then found by their bytes; what a
    // message yields never depends on the one before it.
    [Fact]
    public void ARepeatedSenderAndFiltersAreReadOnceAndAnotherSenderIsItsOwn()
    {
        static SendEnvelope Send(string sender, string roles, string user) => Assert.IsType<SendEnvelope>(EnvelopeReader.Read(Encoding.UTF8.GetBytes(
            $$$"""{"v":1,"kind":"send","id":"a","project":"X","handler":"h","scope":"CS","filters":{"user":"{{{user}}}"},"sender":{"kind":"Gateway","gateway":"{{{sender}}}","roles":[{{{roles}}}]}}""")));

        var first = Send("g1", "\"ops\"", "u1");
        var again = Send("g1", "\"ops\"", "u1");
        var other = Send("g2", "", "u2");
        var third = Send("g1", "\"ops\"", "u1");

        Assert.Same(first.Sender, again.Sender);
        Assert.Equal(first.Filters, again.Filters);
        Assert.Equal(("g2", 0, "u2", Scope.Client | Scope.Session), (other.Sender.GatewayName, other.Sender.Roles.Count, other.Filters.User, other.Filters.Scope));
        Assert.Equal(("g1", "ops", "u1"), (third.Sender.GatewayName, Assert.Single(third.Sender.Roles), third.Filters.User));
        Assert.True(((IList<string>)first.Sender.Roles).IsReadOnly); // Shared by the messages that found it: nobody can change it.
    }

    // The kept sender is handed to every handler of the messages that find it: what one handler writes into its roles
    // must not become the roles, and pass the role checks, of the next message from that sender.
    [Fact]
    public void ARoleWrittenIntoOneMessagesSenderIsNotTheNextMessagesRole()
    {
        var gateway = "roles-" + Guid.NewGuid().ToString("N")[..8];
        byte[] Message(string id) => Encoding.UTF8.GetBytes(
            $$$"""{"v":1,"kind":"send","id":"{{{id}}}","project":"X","handler":"h","scope":"CS","sender":{"kind":"Client","gateway":"{{{gateway}}}","sessionId":"S1","user":"bob","roles":["viewer"]}}""");

        var first = Assert.IsType<SendEnvelope>(EnvelopeReader.Read(Message("a")));
        Assert.Throws<NotSupportedException>(() => ((IList<string>)first.Sender!.Roles)[0] = "Administrator");

        var next = Assert.IsType<SendEnvelope>(EnvelopeReader.Read(Message("b")));
        Assert.Same(first.Sender, next.Sender);
        Assert.False(next.Sender!.HasRole("Administrator"));
        Assert.True(next.Sender.HasRole("viewer"));
    }

    // Dictionary payloads are read in one pass without a document when they are as every writer writes them; whatever
    // that pass does not take is read as a document, so both must give the same value or the same refusal.
    [Theory]
    [InlineData("""{"t":"map","v":{"sequence":{"t":"int32","v":1},"name":{"t":"string","v":"a\u00e9b"},"on":{"t":"bool","v":true}}}""")]
    [InlineData("""{"t":"map","v":{"big":{"t":"int64","v":9007199254740993},"x":{"t":"float64","v":2.5},"none":null,"dup":{"t":"int32","v":1},"dup":{"t":"int32","v":2}}}""")]
    [InlineData("""{"t":"list","v":[{"t":"int32","v":1},null,{"t":"list","v":[]},{"t":"map","v":{}}]}""")]
    [InlineData("""{"t":"map","v":{"when":{"t":"datetime","v":"2026-01-02T03:04:05.0000000Z"},"n":{"t":"float64","v":"NaN"}}}""")]
    [InlineData("""{"t":"map","v":{"a":{"v":1,"t":"int32"}}}""")]
    [InlineData("""{"t":"map","v":{"a":{"t":"int32","v":1,"extra":0}}}""")]
    [InlineData("""{"t":"map","v":{"a":{"t":"\u0069nt32","v":1}}}""")]
    [InlineData("""{"t":"map","v":{"a":{"t":"int32","v":1.5}}}""")]
    [InlineData("""{"t":"map","v":{"a":{"t":"int32","v":"seven"}}}""")]
    [InlineData("""{"t":"map","v":{"a":{"t":"string","v":null}}}""")]
    [InlineData("""{"t":"map","v":{"a":{"t":"unknown","v":1}}}""")]
    [InlineData("""{"t":"map","v":[]}""")]
    [InlineData("""{"t":"map","v":{"a":{"t":"int32","v":1}}} trailing""")]
    [InlineData("""{"t":"map","v":{"a":{"t":"int32","v":1}}""")]
    [InlineData("""{"t":"int32","v":2147483648}""")]
    [InlineData("""{"t":"string","v":"x"}""")]
    [InlineData("""null""")]
    [InlineData("""[]""")]
    [InlineData("""{"t":"map","v":{"\u0061b":{"t":"int32","v":1}}}""")]
    [InlineData("""{"\u0074":"string","\u0076":"x"}""")]
    [InlineData("""{"t":"string","v":"\uD800"}""")]
    [InlineData("""{"t":"map","v":{"\uDC00x":null}}""")]
    [InlineData("""{"t":"string","v":"a\"b\\c\n\u00e9\ud83d\ude00"}""")]
    [InlineData("""{"t":"float64","v":1e400}""")]
    [InlineData("""{"t":"float64","v":-0.0}""")]
    [InlineData("""{"t":"float64","v":1E-400}""")]
    [InlineData("""{"t":"int64","v":-9223372036854775809}""")]
    [InlineData("""{"t":"int64","v":1.0}""")]
    [InlineData("""{"t":"int32","v":-0}""")]
    [InlineData("""{"t":"bool","v":"true"}""")]
    [InlineData("""{"t":"bool","v":null}""")]
    [InlineData("""{"t":"list","v":{}}""")]
    [InlineData("""{"t":"list","v":[1]}""")]
    [InlineData("""{"t":"list","v":[null,null]}""")]
    [InlineData("""{"t":"map","v":{"a":{"t":"int32","v":1}},"v":{}}""")]
    [InlineData("""{"t":"string","t":"int32","v":5}""")]
    [InlineData("""{"t":"map","v":{"A":{"t":"int32","v":1},"a":{"t":"int32","v":2},"A":{"t":"string","v":"3"}}}""")]
    [InlineData("""  {"t":"int32","v":5}  """)]
    [InlineData("""{"t":"int32","v":5} /* c */""")]
    [InlineData("""{"t":"int32","v":5}{}""")]
    [InlineData("""{"t":"String","v":"x"}""")]
    [InlineData("""{"t":"map","v":{"a":{"t":"json","v":{"x":1}}}}""")]
    [InlineData("""{"t":"map","v":{"a":{"t":"decimal","v":1.5},"b":{"t":"int32","v":2}}}""")]
    [InlineData("""{"t":"map","v":{"a":{"t":"map","v":{"b":{"t":"list","v":[{"t":"bool","v":false}]}}}}}""")]
    [InlineData("""{"T":"int32","v":5}""")]
    [InlineData("""{"t":"int32"}""")]
    [InlineData("""{"v":5}""")]
    [InlineData("""{}""")]
    [InlineData("   ")]
    [InlineData("""nul""")]
    public void ADictionaryPayloadReadsInOnePassAsFromADocument(string json) => AssertReadAlike(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void ADictionaryPayloadNestedPastTheLimitIsRefusedAsFromADocument()
    {
        var site = new ConversionSite("X", "h", typeof(object));
        var json = string.Concat(Enumerable.Repeat("""{"t":"list","v":[""", WireValue.MaxDepth + 2)) + "null" + string.Concat(Enumerable.Repeat("]}", WireValue.MaxDepth + 2));
        var bytes = Encoding.UTF8.GetBytes(json);

        var refusal = Outcome(() => WireValue.Decode(bytes, null, site));
        Assert.StartsWith("PayloadConversionException", refusal);
        Assert.Equal(Outcome(() => WireValue.DecodeFromDocument(bytes, null, site)), refusal);
    }

    [Fact]
    public void InvalidUtf8AndAByteOrderMarkReadInOnePassAsFromADocument()
    {
        AssertReadAlike([.. "{\"t\":\"string\",\"v\":\""u8, 0xC3, 0x28, .. "\"}"u8]);
        AssertReadAlike([.. "{\"t\":\"map\",\"v\":{\""u8, 0xFF, .. "\":null}}"u8]);
        AssertReadAlike([0xEF, 0xBB, 0xBF, .. "{\"t\":\"int32\",\"v\":5}"u8]);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    public void NestingAroundTheLimitReadsInOnePassAsFromADocument(int levels)
    {
        var maps = string.Concat(Enumerable.Repeat("""{"t":"map","v":{"k":""", levels)) + """{"t":"int32","v":1}""" + string.Concat(Enumerable.Repeat("}}", levels));
        var lists = string.Concat(Enumerable.Repeat("""{"t":"list","v":[""", levels)) + "null" + string.Concat(Enumerable.Repeat("]}", levels));
        AssertReadAlike(Encoding.UTF8.GetBytes(maps));
        AssertReadAlike(Encoding.UTF8.GetBytes(lists));
    }

    private static void AssertReadAlike(byte[] bytes)
    {
        var site = new ConversionSite("X", "h", typeof(object));
        Assert.Equal(Outcome(() => WireValue.DecodeFromDocument(bytes, null, site)), Outcome(() => WireValue.Decode(bytes, null, site)));
        Assert.Equal(Outcome(() => WireValue.DecodeFromDocument(bytes, typeof(Reading), site)), Outcome(() => WireValue.Decode(bytes, typeof(Reading), site)));
        Assert.Equal(
            Outcome(() => WireValue.DecodeFromDocument(bytes, typeof(IReadOnlyDictionary<string, object?>), site)),
            Outcome(() => WireValue.Decode(bytes, typeof(IReadOnlyDictionary<string, object?>), site)));
    }

    // A value as text that compares by content (dictionaries and lists element by element, with their CLR types), or
    // the exception's type and message.
    private static string Outcome(Func<object?> decode)
    {
        try
        {
            return Describe(decode());
        }
        catch (Exception exception)
        {
            return exception.GetType().Name + ": " + exception.Message;
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        IReadOnlyDictionary<string, object?> map => map.GetType().Name + "{" + string.Join(",", map.Select(pair => pair.Key + ":" + Describe(pair.Value))) + "}",
        List<object?> list => "[" + string.Join(",", list.Select(Describe)) + "]",
        System.Text.Json.JsonElement element => "json " + element.GetRawText(),
        double number => "Double " + number.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + (double.IsNegative(number) ? " (negative)" : ""),
        _ => value.GetType().Name + " " + Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    public sealed record Reading(string Tag, double Value);

    private static IEnumerable<Envelope> Replies(Envelope batch) => Assert.IsType<RepliesEnvelope>(batch).Replies;

    private static Dictionary<string, (Envelope Envelope, string Json)> Samples() => new()
    {
        ["send"] = (
            new SendEnvelope { Id = "p-1", Project = "X", Handler = "test", Filters = Filters, Sender = Sender, Payload = Payload, ReplyTo = "sb:node:n1", Deadline = 1_800_000_000_000, TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" },
            """{"v":1,"kind":"send","id":"p-1","project":"X","handler":"test","scope":"CS","filters":{"user":"bob","hostName":"hmi-1"},"sender":{"kind":"Client","gateway":"agent-8088","sessionId":"65F7A472","user":"bob","roles":["ops","admin"],"hostName":"hmi-1"},"payload":{"t":"json","v":{"sequence":7}},"replyTo":"sb:node:n1","traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01","deadline":1800000000000,"awaitResults":true}"""),
        ["send, fire and forget"] = (
            new SendEnvelope { Id = "p-2", Project = "X", Handler = "test", Filters = new FilterParams(null, null, Scope.Gateway, null, null), Sender = Sender with { Roles = [] } },
            """{"v":1,"kind":"send","id":"p-2","project":"X","handler":"test","scope":"G","filters":{},"sender":{"kind":"Client","gateway":"agent-8088","sessionId":"65F7A472","user":"bob","roles":[],"hostName":"hmi-1"}}"""),
        ["request"] = (
            new RequestEnvelope { Id = "p-3", Project = "X", Handler = "add", Sender = Sender, Payload = Payload, ReplyTo = "sb:node:n1", Deadline = 1_800_000_000_000 },
            """{"v":1,"kind":"request","id":"p-3","project":"X","handler":"add","sender":{"kind":"Client","gateway":"agent-8088","sessionId":"65F7A472","user":"bob","roles":["ops","admin"],"hostName":"hmi-1"},"payload":{"t":"json","v":{"sequence":7}},"replyTo":"sb:node:n1","deadline":1800000000000}"""),
        ["requestAll"] = (
            new RequestAllEnvelope { Id = "p-4", Project = "X", Handler = "add", Filters = Filters, Sender = Sender, Payload = Payload, ReplyTo = "sb:node:n1", Deadline = 1_800_000_000_000 },
            """{"v":1,"kind":"requestAll","id":"p-4","project":"X","handler":"add","scope":"CS","filters":{"user":"bob","hostName":"hmi-1"},"sender":{"kind":"Client","gateway":"agent-8088","sessionId":"65F7A472","user":"bob","roles":["ops","admin"],"hostName":"hmi-1"},"payload":{"t":"json","v":{"sequence":7}},"replyTo":"sb:node:n1","deadline":1800000000000}"""),
        ["clientRequestAll"] = (
            new ClientRequestAllEnvelope { Id = "p-5", Project = "X", Handler = "add", Filters = Filters, Payload = Payload, ReplyTo = "sb:node:n1", Deadline = 1_800_000_000_000, Node = "n1", SessionId = "65F7A472", Client = Client, RemoteServers = ["agent-9000", "agent-9001"] },
            """{"v":1,"kind":"clientRequestAll","id":"p-5","project":"X","handler":"add","scope":"CS","filters":{"user":"bob","hostName":"hmi-1"},"payload":{"t":"json","v":{"sequence":7}},"replyTo":"sb:node:n1","deadline":1800000000000,"node":"n1","sessionId":"65F7A472","client":{"project":"X","user":"bob","roles":["ops"],"hostName":"hmi-1","address":"10.0.0.7","sessionId":"65F7A472"},"remoteServers":["agent-9000","agent-9001"]}"""),
        ["cancel"] = (new CancelEnvelope { Id = "p-6" }, """{"v":1,"kind":"cancel","id":"p-6"}"""),
        ["reply with results"] = (
            new ReplyEnvelope { Id = "p-7", Outcome = new WireOutcome(OutcomeCodes.Ok), Results = [new WireResult(DeliveryTargetType.Gateway, null, null, null, null, DeliveryStatus.Sent), new WireResult(DeliveryTargetType.Client, "65F7A472", "10.0.0.7", "hmi-1", "agent-9000", DeliveryStatus.QueueFull)] },
            """{"v":1,"kind":"reply","id":"p-7","results":[{"type":"Gateway","status":"SENT"},{"type":"Client","sessionId":"65F7A472","clientAddress":"10.0.0.7","clientHostName":"hmi-1","serverName":"agent-9000","status":"QUEUE_FULL"}],"outcome":{"code":"ok"}}"""),
        ["reply with a value"] = (
            new ReplyEnvelope { Id = "p-8", Outcome = new WireOutcome(OutcomeCodes.Ok), Payload = Encoding.UTF8.GetBytes("""{"t":"int32","v":3}""") },
            """{"v":1,"kind":"reply","id":"p-8","payload":{"t":"int32","v":3},"outcome":{"code":"ok"}}"""),
        ["reply to an attach"] = (new ReplyEnvelope { Id = "p-9", Outcome = new WireOutcome(OutcomeCodes.Ok), SessionId = "65F7A472" }, """{"v":1,"kind":"reply","id":"p-9","sessionId":"65F7A472","outcome":{"code":"ok"}}"""),
        ["reply that failed"] = (
            new ReplyEnvelope { Id = "p-10", Outcome = new WireOutcome(OutcomeCodes.Failed, "it broke", "System.InvalidOperationException", "at Handler()") },
            """{"v":1,"kind":"reply","id":"p-10","outcome":{"code":"failed","message":"it broke","errorType":"System.InvalidOperationException","detail":"at Handler()"}}"""),
        ["reply with answers"] = (
            new ReplyEnvelope
            {
                Id = "p-11", Outcome = new WireOutcome(OutcomeCodes.Ok),
                Answers =
                [
                    new WireAnswer(new WireResult(DeliveryTargetType.Session, "S1", null, null, null, DeliveryStatus.Sent), RequestAllStatus.Answered, Value: Encoding.UTF8.GetBytes("""{"t":"int32","v":3}""")),
                    new WireAnswer(new WireResult(DeliveryTargetType.Gateway, null, null, null, null, DeliveryStatus.Sent), RequestAllStatus.Failed, Error: new WireOutcome(OutcomeCodes.Failed, "no")),
                ],
            },
            """{"v":1,"kind":"reply","id":"p-11","answers":[{"type":"Session","sessionId":"S1","status":"SENT","answer":"ANSWERED","value":{"t":"int32","v":3}},{"type":"Gateway","status":"SENT","answer":"FAILED","error":{"code":"failed","message":"no"}}],"outcome":{"code":"ok"}}"""),
        ["attach"] = (new AttachEnvelope { Id = "p-12", Client = Client, Node = "n1", ReplyTo = "sb:node:n1" }, """{"v":1,"kind":"attach","id":"p-12","replyTo":"sb:node:n1","node":"n1","client":{"project":"X","user":"bob","roles":["ops"],"hostName":"hmi-1","address":"10.0.0.7","sessionId":"65F7A472"}}"""),
        ["heartbeat"] = (new HeartbeatEnvelope { SessionId = "65F7A472", Client = Client, Node = "n1" }, """{"v":1,"kind":"heartbeat","node":"n1","sessionId":"65F7A472","client":{"project":"X","user":"bob","roles":["ops"],"hostName":"hmi-1","address":"10.0.0.7","sessionId":"65F7A472"}}"""),
        ["detach"] = (new DetachEnvelope { SessionId = "65F7A472", Node = "n1" }, """{"v":1,"kind":"detach","node":"n1","sessionId":"65F7A472"}"""),
        ["deliver"] = (
            new DeliverEnvelope { Id = "p-13", Gateway = "agent-8088", SessionId = "65F7A472", Project = "X", Handler = "test", Sender = Sender, Payload = Payload, ReplyTo = "sb:node:n2", Deadline = 1_800_000_000_000 },
            """{"v":1,"kind":"deliver","id":"p-13","project":"X","handler":"test","sender":{"kind":"Client","gateway":"agent-8088","sessionId":"65F7A472","user":"bob","roles":["ops","admin"],"hostName":"hmi-1"},"payload":{"t":"json","v":{"sequence":7}},"replyTo":"sb:node:n2","deadline":1800000000000,"gateway":"agent-8088","sessionId":"65F7A472"}"""),
        ["clientSend"] = (
            new ClientSendEnvelope { Id = "p-14", Project = "X", Handler = "test", Filters = Filters, Payload = Payload, ReplyTo = "sb:node:n1", Deadline = 1_800_000_000_000, Node = "n1", SessionId = "65F7A472", Client = Client, RemoteServers = ["agent-9000"], AwaitResults = true },
            """{"v":1,"kind":"clientSend","id":"p-14","project":"X","handler":"test","scope":"CS","filters":{"user":"bob","hostName":"hmi-1"},"payload":{"t":"json","v":{"sequence":7}},"replyTo":"sb:node:n1","deadline":1800000000000,"node":"n1","sessionId":"65F7A472","client":{"project":"X","user":"bob","roles":["ops"],"hostName":"hmi-1","address":"10.0.0.7","sessionId":"65F7A472"},"remoteServers":["agent-9000"],"awaitResults":true}"""),
        ["clientRequest"] = (
            new ClientRequestEnvelope { Id = "p-15", Project = "X", Handler = "add", Payload = Payload, ReplyTo = "sb:node:n1", Deadline = 1_800_000_000_000, Node = "n1", SessionId = "65F7A472", Client = Client, RemoteServers = ["agent-9000"] },
            """{"v":1,"kind":"clientRequest","id":"p-15","project":"X","handler":"add","payload":{"t":"json","v":{"sequence":7}},"replyTo":"sb:node:n1","deadline":1800000000000,"node":"n1","sessionId":"65F7A472","client":{"project":"X","user":"bob","roles":["ops"],"hostName":"hmi-1","address":"10.0.0.7","sessionId":"65F7A472"},"remoteServers":["agent-9000"]}"""),
        ["presence"] = (new PresenceEnvelope { Gateway = "agent-8088", Node = "n1", State = PresenceStates.Alive }, """{"v":1,"kind":"presence","gateway":"agent-8088","node":"n1","state":"alive"}"""),
        ["ping"] = (new PingEnvelope(), """{"v":1,"kind":"ping"}"""),
    };
}
