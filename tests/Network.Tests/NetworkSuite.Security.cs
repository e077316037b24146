using System.Text;
using System.Text.Json.Nodes;
using Switchboard.Network.Tests.Support;

namespace Switchboard.Network.Tests;

/// <summary>
/// A network that defends itself: signed messages (NetworkKey), replay protection, identities taken from what a
/// gateway accepted rather than from what a message claims, and bounded fan-out.
/// </summary>
public abstract partial class NetworkSuite
{
    protected const string Key = "the-network-key-of-these-tests-32+b";
    protected const string OtherKey = "another-network-key-nobody-uses-32+b";

    protected GatewayNetworkOptions KeyedOptions(string key = Key, params string[] accepted)
    {
        var options = Options();
        options.NetworkKey = key;
        options.AcceptedNetworkKeys = accepted;
        return options;
    }

    [Fact]
    public async Task OnAKeyedNetworkSendsRequestsAndRemoteClientsWorkAsBefore()
    {
        var (first, _) = await NodeAsync(KeyedOptions());
        var (second, _) = await NodeAsync(KeyedOptions());
        var (agent8088, _) = await GatewayAsync(first, "agent-8088");
        var (_, log9000) = await GatewayAsync(second, "agent-9000");
        var (client, clientLog) = await RemoteClientAsync(first, "agent-9000", new ClientIdentity { Project = "X", User = "bob" });

        var report = await agent8088.SendAsync("X", "testHandler", scope: Scope.Gateway, remoteServers: ["agent-9000"]);
        var sum = await agent8088.SendRequestAsync<int>("X", "add", Payload(("a", 1), ("b", 2)), remoteServer: "agent-9000");
        var whoami = await client.SendRequestAsync<string>("X", "whoami");
        await agent8088.SendAsync("X", "testHandler", scope: Scope.Client, remoteServers: ["agent-9000"]);

        Assert.True(first.IsAuthenticated);
        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Sent], report.Select(result => result.Status));
        Assert.Equal(3, sum);
        Assert.Equal("Client:agent-9000:" + client.SessionId + ":bob", whoami);
        await Wait.UntilAsync(() => log9000.Of("testHandler").Count == 1 && clientLog.Of("testHandler").Count == 1, "both sends were delivered");
        Assert.Equal(0, first.Statistics.Dropped + second.Statistics.Dropped);
    }

    [Fact]
    public async Task UnsignedAndWronglySignedMessagesAreDroppedAndCounted()
    {
        var (target, _) = await NodeAsync(KeyedOptions());
        var (_, log) = await GatewayAsync(target, "agent-9000");
        var raw = await ConnectTransportAsync();
        await using var _ = raw;
        var channel = $"{NetworkName}:gateway:agent-9000";
        var send = """{"v":1,"kind":"send","id":"s1","project":"X","handler":"testHandler","scope":"G","sender":{"kind":"Gateway","gateway":"agent-8088"}}""";

        await raw.PublishAsync(channel, Encoding.UTF8.GetBytes(send));
        await raw.PublishAsync(channel, new FrameSigner(OtherKey).Sign(channel, send));
        await raw.PublishAsync(channel, new FrameSigner(Key).Sign(channel, send)[..^1]);

        await Wait.UntilAsync(() => target.Statistics.DroppedFor(DropReason.Unauthenticated) == 3, "all three were refused");
        Assert.Contains(Logs.WithEventId(20), line => line.Message.Contains("not signed", StringComparison.Ordinal));
        Assert.Contains(Logs.WithEventId(20), line => line.Message.Contains("matches no accepted network key", StringComparison.Ordinal));

        // The same message, rightly signed, is delivered: what was refused was the signature alone.
        await raw.PublishAsync(channel, new FrameSigner(Key).Sign(channel, send));
        await Wait.UntilAsync(() => log.Of("testHandler").Count == 1, "the signed send was delivered");
        Assert.Equal(3, target.Statistics.Dropped);
    }

    [Fact]
    public async Task ReplayedStaleAndRedirectedMessagesAreRefused()
    {
        RecordingTransport? recorder = null;
        var (sender, _) = await NodeAsync(KeyedOptions(), wrap: inner => recorder = new RecordingTransport(inner));
        var (target, _) = await NodeAsync(KeyedOptions());
        var (agent8088, _) = await GatewayAsync(sender, "agent-8088");
        var (_, log9000) = await GatewayAsync(target, "agent-9000");
        var (_, log7000) = await GatewayAsync(target, "agent-7000");
        var channel = $"{NetworkName}:gateway:agent-9000";
        Assert.EndsWith("sendStatus=SENT", agent8088.SendMessage("X", "testHandler", scope: "G", remoteServers: ["agent-9000"]).Single());
        await Wait.UntilAsync(() => log9000.Of("testHandler").Count == 1, "the send was delivered");
        var captured = recorder!.Published.Single(entry => entry.Channel == channel).Message;
        var raw = await ConnectTransportAsync();
        await using var _ = raw;

        // The captured frame again, on its own channel, and on another gateway's channel of the same node.
        await raw.PublishAsync(channel, captured);
        await raw.PublishAsync($"{NetworkName}:gateway:agent-7000", captured);

        // Its envelope signed anew with the right key, but a minute ago: outside the replay window.
        await raw.PublishAsync(channel, new FrameSigner(Key).Sign(channel, FrameSigner.Unwrap(captured), DateTimeOffset.UtcNow.AddMinutes(-1)));

        await Wait.UntilAsync(() => target.Statistics.Dropped == 3, "all three were refused");
        Assert.Equal(2, target.Statistics.DroppedFor(DropReason.Replayed));
        Assert.Equal(1, target.Statistics.DroppedFor(DropReason.Unauthenticated));
        Assert.Single(log9000.Of("testHandler"));
        Assert.Empty(log7000.All);
    }

    [Fact]
    public async Task AKeyIsRotatedWithoutDroppingTrafficWhileEitherKeyIsAccepted()
    {
        // Mid-rotation: one node signs with the new key and still accepts the old; the other is not yet rotated.
        var (rotated, _) = await NodeAsync(KeyedOptions(OtherKey, Key));
        var (waiting, _) = await NodeAsync(KeyedOptions(Key, OtherKey));
        var (oldOnly, _) = await NodeAsync(KeyedOptions(Key));
        var (agent8088, _) = await GatewayAsync(rotated, "agent-8088");
        var (agent9000, _) = await GatewayAsync(waiting, "agent-9000");
        await GatewayAsync(oldOnly, "agent-7000");

        Assert.Equal(3, await agent8088.SendRequestAsync<int>("X", "add", Payload(("a", 1), ("b", 2)), remoteServer: "agent-9000"));
        Assert.Equal(5, await agent9000.SendRequestAsync<int>("X", "add", Payload(("a", 2), ("b", 3)), remoteServer: "agent-8088"));

        // A node that accepts only the old key refuses what the rotated node signs (its presence heartbeats, at least).
        await Wait.UntilAsync(() => oldOnly.Statistics.DroppedFor(DropReason.Unauthenticated) > 0, "the old-key-only node refused the new key");
        Assert.Equal(0, rotated.Statistics.Dropped + waiting.Statistics.Dropped);
    }

    [Fact]
    public void AShortKeyOrAcceptedKeysWithoutAKeyAreRefusedNamingTheOption()
    {
        var shortKey = Assert.Throws<ArgumentException>(() => new GatewayNetwork(new InMemoryNetwork().Connect(), new GatewayNetworkOptions { NetworkKey = "short" }));
        var orphan = Assert.Throws<ArgumentException>(() => new GatewayNetwork(new InMemoryNetwork().Connect(), new GatewayNetworkOptions { AcceptedNetworkKeys = [Key] }));

        Assert.Contains("NetworkKey is 5 bytes long", shortKey.Message);
        Assert.DoesNotContain("short", shortKey.Message.Replace("shortest", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("AcceptedNetworkKeys is set but NetworkKey is not", orphan.Message);
    }

    [Fact]
    public async Task AForgedClientClaimingARoleRunsNothingAndItsAnswerGoesOnlyToTheNodeItClaims()
    {
        var pair = await PairAsync();
        var attacker = await ConnectTransportAsync();
        await using var _ = attacker;
        var toForger = new List<string>();
        var toNode = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        await attacker.SubscribeAsync($"{NetworkName}:forger", data => { lock (toForger) { toForger.Add(Encoding.UTF8.GetString(data.Span)); } });
        await attacker.SubscribeAsync($"{NetworkName}:node:forged-node", data => toNode.TrySetResult(JsonNode.Parse(data.Span)!));

        await attacker.PublishAsync($"{NetworkName}:gateway:agent-9000", Encoding.UTF8.GetBytes(
            $$$"""{"v":1,"kind":"clientRequest","id":"f1","project":"X","handler":"secret","sessionId":"FORGED01","node":"forged-node","replyTo":"{{{NetworkName}}}:forger","client":{"project":"X","user":"mallory","roles":["Admin"],"sessionId":"FORGED01"}}"""));

        var answer = await toNode.Task.WaitAsync(Wait.Bound);
        Assert.Equal("unreachable", (string?)answer["outcome"]!["code"]);
        Assert.Contains("not attached", (string?)answer["outcome"]!["message"]);
        Assert.DoesNotContain(pair.Agent9000.SendMessage("X", "testHandler", scope: "C"), line => line.Contains("FORGED01", StringComparison.Ordinal));
        await Task.Delay(200);
        lock (toForger)
        {
            Assert.Empty(toForger);
        }
    }

    [Fact]
    public async Task AnAttachedClientActsWithTheRolesItAttachedWithNotThoseAMessageClaims()
    {
        RecordingTransport? recorder = null;
        var (clientNode, _) = await NodeAsync(wrap: inner => recorder = new RecordingTransport(inner));
        var (gatewayNode, _) = await NodeAsync();
        await GatewayAsync(gatewayNode, "agent-9000");
        var (client, _) = await RemoteClientAsync(clientNode, "agent-9000", new ClientIdentity { Project = "X", User = "bob" });
        await Assert.ThrowsAsync<MessageDeniedException>(() => client.SendRequestAsync<string>("X", "secret"));
        var request = JsonNode.Parse(recorder!.Published.Last(entry => entry.Message.AsSpan().IndexOf("clientRequest"u8) >= 0).Message)!;
        var node = (string)request["node"]!;

        // The same session and node, as a forger on the network would copy them, now claiming the Admin role.
        var attacker = await ConnectTransportAsync();
        await using var _ = attacker;
        var forgerAnswers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var nodeAnswer = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        await attacker.SubscribeAsync($"{NetworkName}:forger", _ => forgerAnswers.TrySetResult());
        await attacker.SubscribeAsync($"{NetworkName}:node:{node}", data =>
        {
            if (JsonNode.Parse(data.Span) is { } answer && (string?)answer["id"] == "forged-1")
            {
                nodeAnswer.TrySetResult(answer);
            }
        });
        request["id"] = "forged-1";
        request["client"]!["roles"] = new JsonArray("Admin");
        request["replyTo"] = $"{NetworkName}:forger";
        await attacker.PublishAsync($"{NetworkName}:gateway:agent-9000", Encoding.UTF8.GetBytes(request.ToJsonString()));

        // Answered as bob, who attached without the role, and on bob's node, not on the channel the message named.
        var answer = await nodeAnswer.Task.WaitAsync(Wait.Bound);
        Assert.Equal("denied", (string?)answer["outcome"]!["code"]);
        await Task.Delay(200);
        Assert.False(forgerAnswers.Task.IsCompleted, "the answer went to the channel the forged message named");
    }

    [Fact]
    public async Task AForgedGatewayRequestIsNotAnsweredOnAChannelOfTheForgersChoice()
    {
        var pair = await PairAsync();
        await Wait.UntilAsync(() => pair.Node9000.LiveGateways.Contains("agent-8088"), "agent-9000 knows where agent-8088 runs");
        var attacker = await ConnectTransportAsync();
        await using var _ = attacker;
        var answers = 0;
        await attacker.SubscribeAsync($"{NetworkName}:forger", _ => Interlocked.Increment(ref answers));
        await attacker.SubscribeAsync($"{NetworkName}:node:forger", _ => Interlocked.Increment(ref answers));
        var before = pair.Node9000.Statistics.DroppedFor(DropReason.Unauthenticated);

        // Claiming a gateway that runs elsewhere; claiming an unknown gateway, with a channel that is no node's.
        await attacker.PublishAsync($"{NetworkName}:gateway:agent-9000", Encoding.UTF8.GetBytes(
            $$$"""{"v":1,"kind":"request","id":"r1","project":"X","handler":"secret","sender":{"kind":"Gateway","gateway":"agent-8088"},"replyTo":"{{{NetworkName}}}:node:forger"}"""));
        await attacker.PublishAsync($"{NetworkName}:gateway:agent-9000", Encoding.UTF8.GetBytes(
            $$$"""{"v":1,"kind":"request","id":"r2","project":"X","handler":"secret","sender":{"kind":"Gateway","gateway":"nobody"},"replyTo":"{{{NetworkName}}}:forger"}"""));

        await Wait.UntilAsync(() => pair.Node9000.Statistics.DroppedFor(DropReason.Unauthenticated) == before + 2, "both forged requests were dropped");
        Assert.Contains(Logs.WithEventId(20), line => line.Message.Contains("where that gateway runs", StringComparison.Ordinal));
        await Task.Delay(200);
        Assert.Equal(0, Volatile.Read(ref answers));
        Assert.Equal(3, await pair.Agent8088.SendRequestAsync<int>("X", "add", Payload(("a", 1), ("b", 2)), remoteServer: "agent-9000"));
    }

    [Fact]
    public async Task ASendNamingTooManyRemoteServersIsRefusedToTheCallerNamingTheOption()
    {
        var options = Options();
        options.MaxRemoteServers = 3;
        var (node, _) = await NodeAsync(options);
        var (agent8088, _) = await GatewayAsync(node, "agent-8088");
        var (client, _) = await RemoteClientAsync(node, "agent-8088", new ClientIdentity { Project = "X" });
        string[] servers = ["a", "b", "c", "d"];

        var sync = Assert.Throws<ArgumentException>(() => agent8088.SendMessage("X", "testHandler", remoteServers: servers));
        var awaited = await Assert.ThrowsAsync<ArgumentException>(() => agent8088.SendAsync("X", "testHandler", remoteServers: servers).AsTask());
        var fromClient = await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync("X", "testHandler", remoteServers: servers).AsTask());

        Assert.All([sync, awaited, fromClient], refused =>
        {
            Assert.Contains("names 4 remoteServers", refused.Message);
            Assert.Contains("GatewayNetworkOptions.MaxRemoteServers (3)", refused.Message);
            Assert.Equal("remoteServers", refused.ParamName);
        });
        Assert.Equal(4, agent8088.SendMessage("X", "testHandler", remoteServers: ["a", "b", "c"]).Count + 1);
    }

    [Fact]
    public async Task AClientMessageNamingTooManyRemoteServersIsDroppedAndNothingIsFannedOut()
    {
        RecordingTransport? clientRecorder = null;
        RecordingTransport? gatewayRecorder = null;
        var (clientNode, _) = await NodeAsync(wrap: inner => clientRecorder = new RecordingTransport(inner));
        var (gatewayNode, _) = await NodeAsync(wrap: inner => gatewayRecorder = new RecordingTransport(inner));
        await GatewayAsync(gatewayNode, "agent-9000");
        var (client, _) = await RemoteClientAsync(clientNode, "agent-9000", new ClientIdentity { Project = "X" });
        await client.SendAsync("X", "testHandler", scope: Scope.Gateway);
        var send = JsonNode.Parse(clientRecorder!.Published.Last(entry => entry.Message.AsSpan().IndexOf("clientSend"u8) >= 0).Message)!;

        // What a fake client would send: its own session and node, and a thousand servers.
        send["id"] = "amplify-1";
        send["remoteServers"] = new JsonArray(Enumerable.Range(0, 1000).Select(i => (JsonNode?)JsonValue.Create($"server-{i}")).ToArray());
        var attacker = await ConnectTransportAsync();
        await using var _ = attacker;
        var published = gatewayRecorder!.Published.Count;
        await attacker.PublishAsync($"{NetworkName}:gateway:agent-9000", Encoding.UTF8.GetBytes(send.ToJsonString()));

        await Wait.UntilAsync(() => gatewayNode.Statistics.DroppedFor(DropReason.TooManyRemoteServers) == 1, "the message was dropped");
        Assert.Contains(Logs.WithEventId(20), line => line.Message.Contains("names 1000 remoteServers", StringComparison.Ordinal));
        await Task.Delay(200);
        Assert.DoesNotContain(gatewayRecorder.Published.Skip(published), entry => entry.Channel.Contains(":gateway:server-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WarningsAboutUnreachableServersAreRateLimited()
    {
        var (node, _) = await NodeAsync();
        var (agent8088, _) = await GatewayAsync(node, "agent-8088");
        var servers = Enumerable.Range(0, 60).Select(i => $"gone-{i}").ToArray();
        var started = DateTime.UtcNow;

        var report = agent8088.SendMessage("X", "testHandler", remoteServers: servers);

        var seconds = (DateTime.UtcNow - started).TotalSeconds;
        Assert.Equal(60, report.Count(line => line.EndsWith("sendStatus=UNREACHABLE", StringComparison.Ordinal)));
        Assert.InRange(Logs.WithEventId(6).Count(), 1, 10 * (int)Math.Ceiling(seconds + 1));
    }
}
