using System.Text;
using Switchboard.Network.Tests.Support;

namespace Switchboard.Network.Tests;

/// <summary>What a gateway does with messages it cannot act on: drop, count, log, and keep serving.</summary>
public abstract partial class NetworkSuite
{
    [Fact]
    public async Task MalformedOversizedAndUnknownVersionMessagesAreDroppedCountedAndLogged()
    {
        var pair = await PairAsync();
        var attacker = await ConnectTransportAsync();
        await using var _ = attacker;
        var channel = $"{NetworkName}:gateway:agent-9000";
        var before = pair.Node9000.Statistics.Received;

        await attacker.PublishAsync(channel, Encoding.UTF8.GetBytes("not json at all"));
        await attacker.PublishAsync(channel, Encoding.UTF8.GetBytes("""{"v":2,"kind":"send"}"""));
        await attacker.PublishAsync(channel, Encoding.UTF8.GetBytes("""{"v":1,"kind":"send","id":"1"}"""));
        await attacker.PublishAsync(channel, Encoding.UTF8.GetBytes("""{"v":1,"kind":"request","id":"1","project":"X","handler":"add","sender":{"kind":"Gateway","gateway":"g"},"replyTo":"r","deadline":1}"""));
        await attacker.PublishAsync(channel, new byte[pair.Node9000.Options.MaxMessageBytes + 1]);

        await Wait.UntilAsync(() => pair.Node9000.Statistics.Received >= before + 5 && pair.Node9000.Statistics.Dropped >= 5, "all five were handled");
        var statistics = pair.Node9000.Statistics;
        Assert.Equal(2, statistics.DroppedFor(DropReason.Malformed));
        Assert.Equal(1, statistics.DroppedFor(DropReason.UnknownVersion));
        Assert.Equal(1, statistics.DroppedFor(DropReason.Expired));
        Assert.Equal(1, statistics.DroppedFor(DropReason.Oversized));
        Assert.Contains(Logs.GetSnapshot().Where(line => line.Id.Id == 20), line => line.Message.Contains("version 2"));
        Assert.Contains(Logs.GetSnapshot().Where(line => line.Id.Id == 20), line => line.Message.Contains("not JSON"));
        Assert.Empty(pair.Log9000.All);
        Assert.Equal(3, await pair.Agent8088.SendRequestAsync<int>("X", "add", Payload(("a", 1), ("b", 2)), remoteServer: "agent-9000"));
    }

    [Fact]
    public async Task FuzzedEnvelopesNeverStopAGateway()
    {
        // Real traffic, recorded, is what gets mutated: sends, awaited sends, requests and a remote client's life.
        var hub = await ConnectTransportAsync();
        var recording = new RecordingTransport(hub);

        // Presence is not what this test is about: a loaded machine must not turn the storm into a silent gateway.
        var options = Options();
        options.PresenceTimeout = TimeSpan.FromSeconds(10);
        var target = new GatewayNetwork(await ConnectTransportAsync(), options);
        var sender = new GatewayNetwork(recording, options);
        await using (target)
        await using (sender)
        {
            var (agent9000, log9000) = await GatewayAsync(target, "agent-9000");
            var (agent8088, _) = await GatewayAsync(sender, "agent-8088");
            var (client, _) = await RemoteClientAsync(sender, "agent-9000", new ClientIdentity { Project = "X", User = "bob" });
            agent8088.SendMessage("X", "testHandler", Payload(("a", 1), ("nested", Payload(("b", 2.5)))), remoteServers: ["agent-9000"]);
            await agent8088.SendAsync("X", "typed", Order.Sample(), remoteServers: ["agent-9000"]);
            await agent8088.SendRequestAsync<int>("X", "add", Payload(("a", 1), ("b", 2)), remoteServer: "agent-9000");
            await client.SendAsync("X", "testHandler", scope: Scope.Gateway);
            await client.SendRequestAsync<string>("X", "whoami");
            await Task.Delay(300);
            var recorded = recording.Published.ToArray();
            var valid = recorded.Select(entry => entry.Message).ToArray();
            var channels = recorded.Select(entry => entry.Channel).Distinct().ToArray();
            Assert.Contains($"{NetworkName}:gateway:agent-9000", channels);

            var attacker = await ConnectTransportAsync();
            await using var _ = attacker;
            var fuzzer = new EnvelopeFuzzer(seed: 20261123, valid);
            var before = target.Statistics.Received;
            const int Count = 6000;
            var sent = 0L;
            for (var i = 0; i < Count; i++)
            {
                // Mostly at the gateway's channel; some at the node and presence channels the target also reads.
                var channel = i % 10 == 0 ? channels[i / 10 % channels.Length] : $"{NetworkName}:gateway:agent-9000";
                sent += await attacker.PublishAsync(channel, fuzzer.Next(i)) > 0 && channel.Contains(":gateway:agent-9000", StringComparison.Ordinal) ? 1 : 0;
            }

            await Wait.UntilAsync(() => target.Statistics.Received - before >= sent, "the target read every message", TimeSpan.FromSeconds(60));

            // Nothing stopped it: it still answers requests and delivers sends with the right results. These queue behind
            // every fuzzed message on the target's connection, so once they are answered, all of those were handled.
            // Without a NetworkKey, a fuzzed presence message may claim that agent-8088 runs on another node until its
            // next heartbeat, and agent-9000 then refuses agent-8088's requests as forged (their reply channel is not
            // that node's), so a request right after the storm may go unanswered; genuine presence has the last word.
            await Wait.UntilAsync(
                async () =>
                {
                    try
                    {
                        return await agent8088.SendRequestAsync<int>("X", "add", Payload(("a", 3), ("b", 4)), remoteServer: "agent-9000", timeout: TimeSpan.FromSeconds(2)) == 7;
                    }
                    catch (RequestTimeoutException)
                    {
                        return false;
                    }
                },
                "agent-9000 answers agent-8088's requests with the right sum");
            var report = await agent8088.SendAsync("X", "testHandler", scope: Scope.Gateway, remoteServers: ["agent-9000"]);
            Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Sent], report.Select(result => result.Status));
            // The client still reaches its gateway under its session id. Which user it acts as is not asserted here: on
            // a network without a NetworkKey a fuzzed detach followed by a fuzzed heartbeat may re-attach the session
            // with another identity, which is what signing prevents (HostileTrafficTests asserts the identity there).
            Assert.StartsWith("Client:agent-9000:" + client.SessionId + ":", await client.SendRequestAsync<string>("X", "whoami"), StringComparison.Ordinal);
            Assert.False(agent9000.IsClosed);
            Assert.NotEmpty(log9000.All);
            Assert.True(target.Statistics.Dropped > Count / 3, target.Statistics.ToString());
            Assert.True(target.Statistics.DroppedFor(DropReason.Malformed) > 0, target.Statistics.ToString());
            Assert.True(target.Statistics.DroppedFor(DropReason.UnknownVersion) > 0, target.Statistics.ToString());
            Assert.DoesNotContain(Logs.GetSnapshot(), line => line.Id.Id == 33);
        }
    }
}
