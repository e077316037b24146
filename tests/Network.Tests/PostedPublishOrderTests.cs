using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Switchboard.Network.Tests.Support;

namespace Switchboard.Network.Tests;

/// <summary>
/// A pipelined SendMessage's publishes are observed in the order made, but a transport is only promised to complete
/// each of them (INetworkTransport says nothing of order): a later publish that found nobody listening must still be
/// logged and acted on (Presence.NobodyListened) while an earlier one to another gateway hangs, so that the next send
/// to the gone gateway reports UNREACHABLE.
/// </summary>
public sealed class PostedPublishOrderTests : IAsyncLifetime
{
    private readonly InMemoryNetwork hub = new();
    private readonly List<IAsyncDisposable> owned = [];
    private readonly FakeLogCollector logs = new();
    private readonly string networkName = "order-" + Guid.NewGuid().ToString("N")[..12];
    private ILoggerFactory? loggers;

    private ILoggerFactory Loggers => loggers ??= new LoggerFactory([new FakeLoggerProvider(logs)]);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            await owned[i].DisposeAsync();
        }
    }

    [Fact]
    public async Task APublishThatFoundNobodyIsObservedEvenWhileAnEarlierOneToAnotherGatewayHangs()
    {
        var steered = new SteeredTransport(hub.Connect(), networkName);
        var first = Node(steered);
        var second = Node(hub.Connect());
        var agent8088 = await GatewayAsync(first, "agent-8088");
        await GatewayAsync(second, "agent-slow");
        await GatewayAsync(second, "agent-gone");
        await Wait.UntilAsync(
            () => first.LiveGateways.Contains("agent-slow") && first.LiveGateways.Contains("agent-gone"),
            "agent-8088's node hears both gateways");

        try
        {
            // Both are heard and listened last time, so each send is handed to the transport without waiting.
            Assert.EndsWith("SENT", agent8088.SendMessage("X", "testHandler", scope: "G", remoteServers: ["agent-slow"])[0], StringComparison.Ordinal);
            Assert.EndsWith("SENT", agent8088.SendMessage("X", "testHandler", scope: "G", remoteServers: ["agent-gone"])[0], StringComparison.Ordinal);

            // The publish to agent-gone finds nobody within ~20 ms; the one to agent-slow never completes. What the first
            // found is logged (after presence has heard of it) once the observer stops waiting for the second.
            await Wait.UntilAsync(
                () => logs.GetSnapshot().Any(line => line.Id.Id == 6 && line.Message.Contains("agent-gone", StringComparison.Ordinal)),
                "the publish to agent-gone that found nobody is logged while the one to agent-slow hangs");
            Assert.EndsWith("UNREACHABLE", agent8088.SendMessage("X", "testHandler", scope: "G", remoteServers: ["agent-gone"])[0], StringComparison.Ordinal);
        }
        finally
        {
            steered.Hung.TrySetResult(1);
        }
    }

    private GatewayNetwork Node(INetworkTransport transport)
    {
        // A long heartbeat interval, so that a heartbeat does not undo NobodyListened within the test.
        var node = new GatewayNetwork(transport, new GatewayNetworkOptions
        {
            NetworkName = networkName,
            HeartbeatInterval = TimeSpan.FromSeconds(20),
            PresenceTimeout = TimeSpan.FromSeconds(60),
            RemoteResultsTimeout = TimeSpan.FromSeconds(3),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            LoggerFactory = Loggers,
        });
        owned.Add(node);
        return node;
    }

    private async Task<Gateway> GatewayAsync(GatewayNetwork node, string name)
    {
        var gateway = new Gateway(name, new GatewayOptions { LoggerFactory = Loggers, DrainTimeout = TimeSpan.FromSeconds(5) });
        gateway.AddProject(TestProject.Registry(new Deliveries()));
        owned.Add(gateway);
        await node.JoinAsync(gateway);
        return gateway;
    }

    /// <summary>
    /// A transport (as a user may write one, or Redis Cluster routing channels to different nodes) whose publishes do not
    /// complete in the order made: to agent-slow a publish hangs until the test releases it; to agent-gone it finds
    /// nobody listening, after a short while.
    /// </summary>
    private sealed class SteeredTransport(INetworkTransport inner, string networkName) : ForwardingTransport(inner)
    {
        public TaskCompletionSource<long> Hung { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ValueTask<long> PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
        {
            if (channel == networkName + ":gateway:agent-slow")
            {
                return new ValueTask<long>(Hung.Task);
            }

            if (channel == networkName + ":gateway:agent-gone")
            {
                return new ValueTask<long>(Task.Delay(20, CancellationToken.None).ContinueWith(_ => 0L, TaskScheduler.Default));
            }

            return Inner.PublishAsync(channel, message, cancellationToken);
        }

        public override long Publish(string channel, ReadOnlyMemory<byte> message) =>
            channel == networkName + ":gateway:agent-gone" ? 0 : Inner.Publish(channel, message);
    }
}
