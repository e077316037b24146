using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using System.Text;
using Switchboard.Network.Tests.Support;

namespace Switchboard.Network.Tests;

/// <summary>What survives the wire exactly, and what a receiver refuses; over the in-memory network, which shares the codec with Redis.</summary>
public sealed class WireFormatTests : IAsyncLifetime
{
    private readonly InMemoryNetwork hub = new();
    private readonly FakeLogCollector logs = new();
    private GatewayNetwork sender = null!;
    private GatewayNetwork receiver = null!;
    private Gateway agent8088 = null!;
    private Gateway agent9000 = null!;
    private Deliveries log9000 = null!;

    public static TheoryData<object?> Values() => new()
    {
        int.MinValue, long.MaxValue, ulong.MaxValue, (short)-7, (byte)255, (sbyte)-128, (ushort)65535, uint.MaxValue,
        double.Epsilon, double.PositiveInfinity, double.NegativeInfinity, 1e308, float.MaxValue, float.NaN,
        decimal.MaxValue, 0.0000000000000000000000000001m, 1.10m,
        'ß', "", "line\nbreak \"quoted\" \u2603", true, false, null,
        new DateTime(2026, 5, 6, 7, 8, 9, DateTimeKind.Local).AddTicks(1234567), new DateTime(2026, 5, 6, 7, 8, 9, DateTimeKind.Unspecified),
        new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.FromMinutes(330)), TimeSpan.FromTicks(-123456789), Guid.NewGuid(),
    };

    public async Task InitializeAsync()
    {
        var options = new GatewayNetworkOptions { LoggerFactory = new LoggerFactory([new FakeLoggerProvider(logs)]), MaxMessageBytes = 64 * 1024 };
        sender = new GatewayNetwork(hub.Connect(), options);
        receiver = new GatewayNetwork(hub.Connect(), options);
        agent8088 = new Gateway("agent-8088");
        agent9000 = new Gateway("agent-9000", new GatewayOptions { LoggerFactory = new LoggerFactory([new FakeLoggerProvider(logs)]) });
        log9000 = new Deliveries();
        agent9000.AddProject(TestProject.Registry(log9000));
        await sender.JoinAsync(agent8088);
        await receiver.JoinAsync(agent9000);
    }

    public async Task DisposeAsync()
    {
        await agent8088.DisposeAsync();
        await agent9000.DisposeAsync();
        await sender.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Values))]
    public async Task DictionaryValuesArriveWithTheirTypeAndValue(object? value)
    {
        var report = await agent8088.SendAsync("X", "testHandler", new Dictionary<string, object?> { ["value"] = value }, Scope.Gateway, remoteServers: ["agent-9000"]);

        Assert.True(report.AllSent);
        await Wait.UntilAsync(() => log9000.Of("testHandler").Count == 1, "the value arrived");
        var received = ((IReadOnlyDictionary<string, object?>)log9000.Of("testHandler")[0].Payload!)["value"];
        Assert.Equal(value?.GetType(), received?.GetType());
        Assert.Equal(value, received);
        if (value is DateTime time)
        {
            Assert.Equal(time.Kind, ((DateTime)received!).Kind);
        }

        if (value is decimal number)
        {
            Assert.Equal(number.Scale, ((decimal)received!).Scale);
        }

        if (value is DateTimeOffset offsetTime)
        {
            Assert.Equal(offsetTime.Offset, ((DateTimeOffset)received!).Offset);
        }
    }

    [Fact]
    public async Task AnAbsentPayloadArrivesAsIgnitionsEmptyDictionary()
    {
        await agent8088.SendAsync("X", "testHandler", payload: null, Scope.Gateway, remoteServers: ["agent-9000"]);

        await Wait.UntilAsync(() => log9000.Of("testHandler").Count == 1, "the message arrived");
        Assert.Empty((IReadOnlyDictionary<string, object?>)log9000.Of("testHandler")[0].Payload!);
    }

    [Fact]
    public async Task ATypedPayloadTheRemoteHandlerCannotReadIsRefusedToAnAwaitingSender()
    {
        // "typed" takes an Order; a dictionary cannot become one without a payload adapter.
        var refusal = await Assert.ThrowsAsync<PayloadConversionException>(
            () => agent8088.SendAsync("X", "typed", new Dictionary<string, object?> { ["Id"] = 1 }, Scope.Gateway, remoteServers: ["agent-9000"]).AsTask());

        Assert.Contains("agent-9000", refusal.Message);
        Assert.Empty(log9000.Of("typed"));
    }

    [Fact]
    public async Task AValueThatContainsItselfFailsTheSender()
    {
        var loop = new Dictionary<string, object?>();
        loop["self"] = loop;

        var refusal = await Assert.ThrowsAsync<PayloadConversionException>(
            () => agent8088.SendAsync("X", "testHandler", loop, Scope.Gateway, remoteServers: ["agent-9000"]).AsTask());

        Assert.Contains("nested deeper", refusal.Message);
    }

    [Theory]
    [InlineData("""{"v":1}""")]
    [InlineData("""{"kind":"send"}""")]
    [InlineData("""{"v":"1","kind":"send"}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""{"v":1,"kind":"teleport"}""")]
    [InlineData("""{"v":1,"kind":"send","id":"a","project":"X","handler":"h","scope":"CQ","sender":{"kind":"Gateway","gateway":"g"}}""")]
    [InlineData("""{"v":1,"kind":"send","id":"a","project":"X","handler":"h","scope":"G","sender":{"kind":"Robot","gateway":"g"}}""")]
    [InlineData("""{"v":1,"kind":"send","id":"a","project":" ","handler":"h","scope":"G","sender":{"kind":"Gateway","gateway":"g"}}""")]
    [InlineData("""{"v":1,"kind":"send","id":"a","project":"X","handler":"h","scope":"G","sender":{"kind":"Gateway","gateway":"g","roles":[1]}}""")]
    [InlineData("""{"v":1,"kind":"request","id":"a","project":"X","handler":"add","sender":{"kind":"Gateway","gateway":"g"}}""")]
    [InlineData("""{"v":1,"kind":"attach","id":"a","client":{"user":"bob"},"replyTo":"r","node":"n"}""")]
    [InlineData("""{"v":1,"kind":"presence","gateway":"g","node":"n","state":"dancing"}""")]
    [InlineData("""{"v":1,"kind":"reply","id":"a"}""")]
    [InlineData("""{"v":1,"kind":"send","id":"a","project":"X","handler":"h","scope":"G","sender":{"kind":"Gateway","gateway":"g"},"deadline":"soon"}""")]
    public async Task EnvelopesThatBreakTheFormatAreDroppedAsMalformed(string json)
    {
        await using var attacker = hub.Connect();
        var before = receiver.Statistics.DroppedFor(DropReason.Malformed);

        await attacker.PublishAsync("switchboard:gateway:agent-9000", Encoding.UTF8.GetBytes(json));

        await Wait.UntilAsync(() => receiver.Statistics.DroppedFor(DropReason.Malformed) == before + 1, "the envelope was dropped");
        Assert.Empty(log9000.All);
        Assert.Equal(3, await agent8088.SendRequestAsync<int>("X", "add", new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 }, remoteServer: "agent-9000"));
    }

    public static TheoryData<string, string> OverlongNames()
    {
        var name = new string('w', 1025);
        return new()
        {
            { "handler", $$$"""{"v":1,"kind":"send","id":"a","project":"X","handler":"{{{name}}}","scope":"G","sender":{"kind":"Gateway","gateway":"g"}}""" },
            { "user", $$$"""{"v":1,"kind":"send","id":"a","project":"X","handler":"testHandler","scope":"G","sender":{"kind":"Gateway","gateway":"g","user":"{{{name}}}"}}""" },
            { "roles", $$$"""{"v":1,"kind":"send","id":"a","project":"X","handler":"testHandler","scope":"G","sender":{"kind":"Gateway","gateway":"g","roles":["{{{name}}}"]}}""" },
        };
    }

    [Theory]
    [MemberData(nameof(OverlongNames))]
    public async Task ANameLongerThanANameMayBeIsDroppedAsMalformedAndNotEchoed(string field, string json)
    {
        await using var attacker = hub.Connect();
        var before = receiver.Statistics.DroppedFor(DropReason.Malformed);

        await attacker.PublishAsync("switchboard:gateway:agent-9000", Encoding.UTF8.GetBytes(json));

        await Wait.UntilAsync(() => receiver.Statistics.DroppedFor(DropReason.Malformed) == before + 1, "the envelope was dropped");
        var drop = logs.GetSnapshot().Last(line => line.Id.Id == 20).Message;
        Assert.Contains($"\"{field}\" is 1025 characters long; a name may have at most 1024", drop);
        Assert.DoesNotContain(new string('w', 100), drop);
        Assert.Empty(log9000.All);
    }

    [Fact]
    public async Task ANameOfTheMostCharactersANameMayHaveIsDelivered()
    {
        var user = new string('u', 1024);
        var client = agent8088.ConnectClient(new ClientIdentity { Project = "X", User = user });

        var report = await client.SendAsync("X", "testHandler", scope: Scope.Gateway, remoteServers: ["agent-9000"]);

        Assert.True(report.AllSent);
        await Wait.UntilAsync(() => log9000.Of("testHandler").Count == 1, "the send arrived");
        Assert.Equal(user, log9000.Of("testHandler")[0].Sender.User);
    }

    [Fact]
    public async Task AMalformedPayloadInsideAValidEnvelopeIsLoggedNotDelivered()
    {
        await using var attacker = hub.Connect();
        var json = """{"v":1,"kind":"send","id":"a","project":"X","handler":"testHandler","scope":"G","sender":{"kind":"Gateway","gateway":"g"},"payload":{"t":"int32","v":"seven"}}""";

        await attacker.PublishAsync("switchboard:gateway:agent-9000", Encoding.UTF8.GetBytes(json));

        await Wait.UntilAsync(() => logs.GetSnapshot().Where(line => line.Id.Id == 29).Any(), "the failed delivery was logged");
        Assert.Contains("int32", logs.GetSnapshot().Where(line => line.Id.Id == 29).First().Message);
        Assert.Empty(log9000.All);
    }

    [Fact]
    public async Task DropLinesAreRateLimitedButEveryDropIsCounted()
    {
        await using var attacker = hub.Connect();
        var before = receiver.Statistics.Dropped;

        for (var i = 0; i < 200; i++)
        {
            await attacker.PublishAsync("switchboard:gateway:agent-9000", "junk"u8.ToArray());
        }

        await Wait.UntilAsync(() => receiver.Statistics.Dropped == before + 200, "every drop was counted");
        Assert.InRange(logs.GetSnapshot().Where(line => line.Id.Id == 20).Count(), 1, 100);
    }
}
