using System.Text;
using System.Text.Json.Nodes;
using Switchboard.Network.Tests.Support;

namespace Switchboard.Network.Tests;

/// <summary>How awaited sends to remote servers are confirmed: batched confirmations, and ConfirmRemoteSends off.</summary>
public abstract partial class NetworkSuite
{
    [Fact]
    public async Task WithConfirmRemoteSendsOffAnAwaitedSendIsSentOnceAListeningGatewayHasIt()
    {
        var options = Options();
        options.ConfirmRemoteSends = false;
        var (first, _) = await NodeAsync(options);
        var (second, _) = await NodeAsync();
        var (agent8088, _) = await GatewayAsync(first, "agent-8088");
        var (_, log9000) = await GatewayAsync(second, "agent-9000");

        var report = await agent8088.SendAsync("X", "testHandler", scope: Scope.Gateway, remoteServers: ["agent-9000", "agent-nope"]);

        // Only the RemoteGateway lines, as SendMessage reports them: agent-9000's own results are not waited for.
        Assert.Equal(
            [
                "type=RemoteGateway,serverName=agent-9000,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=G, user=, hasRole=},sendStatus=SENT",
                "type=RemoteGateway,serverName=agent-nope,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=G, user=, hasRole=},sendStatus=UNREACHABLE",
            ],
            report.ToStrings());
        await Wait.UntilAsync(() => log9000.Of("testHandler").Count == 1, "agent-9000's handler ran");
        Assert.Contains(Logs.GetSnapshot(), line => line.Id.Id == 6 && line.Message.Contains("agent-nope"));
    }

    [Fact]
    public async Task WithConfirmRemoteSendsOffAStoppedGatewayIsUnreachable()
    {
        var options = Options();
        options.ConfirmRemoteSends = false;
        var (first, _) = await NodeAsync(options);
        var (second, _) = await NodeAsync();
        var (agent8088, _) = await GatewayAsync(first, "agent-8088");
        var (agent9000, _) = await GatewayAsync(second, "agent-9000");
        await agent9000.DisposeAsync();

        var report = await agent8088.SendAsync("X", "testHandler", remoteServers: ["agent-9000"]);

        Assert.Equal([DeliveryStatus.Unreachable], report.Select(result => result.Status));
    }

    [Fact]
    public async Task ConfirmationsOfSendsThatWaitedTogetherGoBackTogetherAndEachSendGetsItsOwn()
    {
        const int Sends = 50;
        var (first, _) = await NodeAsync();
        BurstTransport? held = null;
        RecordingTransport? recorder = null;
        var (second, _) = await NodeAsync(wrap: inner => recorder = new RecordingTransport(held = new BurstTransport(inner, $"{NetworkName}:gateway:agent-9000")));
        var (agent8088, _) = await GatewayAsync(first, "agent-8088");
        var (_, log9000) = await GatewayAsync(second, "agent-9000");

        // agent-9000's channel is held while the sends arrive, so that they all wait in its inbound queue at once.
        var sends = Enumerable.Range(0, Sends)
            .Select(i => agent8088.SendAsync("X", "testHandler", Payload(("i", i)), scope: Scope.Gateway, remoteServers: ["agent-9000"]).AsTask())
            .ToArray();
        await Wait.UntilAsync(() => held!.HeldCount == Sends, "every send waits at agent-9000");
        held!.Release();
        var reports = await Task.WhenAll(sends);

        Assert.All(reports, report => Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Sent], report.Select(result => result.Status)));
        await Wait.UntilAsync(() => log9000.Of("testHandler").Count == Sends, "agent-9000 ran every send");
        var replies = recorder!.Published
            .Select(entry => JsonNode.Parse(entry.Message)!)
            .Where(message => (string?)message["kind"] is "reply" or "replies")
            .ToArray();
        var confirmed = replies.SelectMany(message => (string)message["kind"]! == "replies" ? message["replies"]!.AsArray().Select(reply => reply!) : new[] { message }).ToArray();
        Assert.Equal(Sends, confirmed.Length);
        Assert.All(confirmed, reply => Assert.Equal(("reply", 1, "ok"), ((string)reply["kind"]!, (int)reply["v"]!, (string)reply["outcome"]!["code"]!)));
        Assert.Contains(replies, message => (string)message["kind"]! == "replies" && message["replies"]!.AsArray().Count > 1);
    }

    [Fact]
    public async Task ARepliesEnvelopeCompletesEachSendItAnswersAndCountsTheRest()
    {
        var (node, _) = await NodeAsync(AnsweredByHand());
        var (agent8088, _) = await GatewayAsync(node, "agent-8088");
        var (sending, id, replyTo, fake) = await SendToFakeGatewayAsync(agent8088);
        await using var _ = fake;
        var unmatched = node.Statistics.Unmatched;

        var replies = $$$"""
            {"v":1,"kind":"replies","replies":[
              {"v":1,"kind":"reply","id":"nobody-waits-for-this","outcome":{"code":"ok"}},
              {"v":1,"kind":"reply","id":"{{{id}}}","outcome":{"code":"ok"},"results":[{"type":"Gateway","status":"SENT"},{"type":"Client","sessionId":"65F7A472","status":"QUEUE_FULL"}]}]}
            """;
        await fake.PublishAsync(replyTo, Encoding.UTF8.GetBytes(replies));
        var report = await sending.WaitAsync(Wait.Bound);

        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Sent, DeliveryStatus.QueueFull], report.Select(result => result.Status));
        Assert.Equal("65F7A472", report[2].SessionId);
        await Wait.UntilAsync(() => node.Statistics.Unmatched == unmatched + 1, "the reply nobody waits for is counted");
    }

    [Theory]
    [InlineData("""{"v":1,"kind":"replies"}""")]
    [InlineData("""{"v":1,"kind":"replies","replies":[]}""")]
    [InlineData("""{"v":1,"kind":"replies","replies":{"v":1,"kind":"reply","id":"ID","outcome":{"code":"ok"}}}""")]
    [InlineData("""{"v":1,"kind":"replies","replies":[1]}""")]
    [InlineData("""{"v":1,"kind":"replies","replies":[{"v":2,"kind":"reply","id":"ID","outcome":{"code":"ok"}}]}""")]
    [InlineData("""{"v":1,"kind":"replies","replies":[{"kind":"reply","id":"ID","outcome":{"code":"ok"}}]}""")]
    [InlineData("""{"v":1,"kind":"replies","replies":[{"v":1,"kind":"reply","id":"ID"}]}""")]
    [InlineData("""{"v":1,"kind":"replies","replies":[{"v":1,"kind":"send","id":"ID","project":"X","handler":"h","scope":"G","sender":{"kind":"Gateway","gateway":"g"}}]}""")]
    [InlineData("""{"v":1,"kind":"replies","replies":[{"v":1,"kind":"replies","replies":[{"v":1,"kind":"reply","id":"ID","outcome":{"code":"ok"}}]}]}""")]
    [InlineData("""{"v":1,"kind":"replies","replies":[{"v":1,"kind":"reply","id":"ID","outcome":{"code":"ok"}},{"v":1,"kind":"reply","id":"x","outcome":{}}]}""")]
    [InlineData("""{"v":1,"kind":"replies","replies":[{"v":1,"kind":"reply","id":"ID","outcome":{"code":"ok"},"results":[{"type":"Robot","status":"SENT"}]}]}""")]
    public async Task RepliesEnvelopesThatBreakTheFormatAreDroppedWhole(string json)
    {
        var (node, _) = await NodeAsync(AnsweredByHand());
        var (agent8088, _) = await GatewayAsync(node, "agent-8088");
        var (sending, id, replyTo, fake) = await SendToFakeGatewayAsync(agent8088);
        await using var _ = fake;
        var before = node.Statistics.DroppedFor(DropReason.Malformed);

        // Even where a well-formed reply for the waiting send sits beside the bad one, nothing of it is acted on.
        await fake.PublishAsync(replyTo, Encoding.UTF8.GetBytes(json.Replace("\"ID\"", $"\"{id}\"", StringComparison.Ordinal)));

        await Wait.UntilAsync(() => node.Statistics.DroppedFor(DropReason.Malformed) == before + 1, "the envelope was dropped as malformed");
        Assert.False(sending.IsCompleted);
        await fake.PublishAsync(replyTo, Encoding.UTF8.GetBytes($$"""{"v":1,"kind":"reply","id":"{{id}}","outcome":{"code":"ok"},"results":[]}"""));
        Assert.Equal([DeliveryStatus.Sent], (await sending.WaitAsync(Wait.Bound)).Select(result => result.Status));
    }

    /// <summary>
    /// Options for a node whose awaited sends a test answers by hand, a few steps after sending: the send waits for
    /// its confirmation as long as the test's own bound, not the suite's 3 s RemoteResultsTimeout, which a loaded
    /// machine can spend between those steps (the send would then end UNREACHABLE before the test answers it).
    /// </summary>
    private GatewayNetworkOptions AnsweredByHand()
    {
        var options = Options();
        options.RemoteResultsTimeout = Wait.Bound;
        return options;
    }

    /// <summary>
    /// Starts an awaited send to <c>agent-fake</c>, a channel only a raw subscriber listens on, and returns what it
    /// needs to answer it by hand: the send's id and reply channel, and the raw connection.
    /// </summary>
    private async Task<(Task<DeliveryReport> Sending, string Id, string ReplyTo, INetworkTransport Fake)> SendToFakeGatewayAsync(Gateway sender)
    {
        var fake = await ConnectTransportAsync();
        var captured = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        await fake.SubscribeAsync($"{NetworkName}:gateway:agent-fake", data => captured.TrySetResult(data.ToArray()));
        var sending = sender.SendAsync("X", "testHandler", scope: Scope.Gateway, remoteServers: ["agent-fake"]).AsTask();
        var send = JsonNode.Parse(await captured.Task.WaitAsync(Wait.Bound))!;
        Assert.Equal("send", (string?)send["kind"]);
        return (sending, (string)send["id"]!, (string)send["replyTo"]!, fake);
    }
}
