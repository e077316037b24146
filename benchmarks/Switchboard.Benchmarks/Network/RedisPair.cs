using StackExchange.Redis;
using Switchboard.Network;
using Switchboard.Redis;

namespace Switchboard.Benchmarks.Network;

/// <summary>
/// Two gateways on a Redis gateway network, each on its own node and connection as if in two processes: the sender
/// <c>bench-sender</c> and the receiver <c>bench-receiver</c>, which hosts project <c>Bench</c>. Also a plain
/// StackExchange.Redis connection for the raw baselines. A third gateway, <c>bench-publisher</c>, sends on a network
/// whose <see cref="GatewayNetworkOptions.ConfirmRemoteSends"/> is off. <c>bench-signed-sender</c> and
/// <c>bench-receiver</c> again are on a second network, <c>bench-signed</c>, whose messages are signed
/// (<see cref="GatewayNetworkOptions.NetworkKey"/>).
/// </summary>
public sealed class RedisPair : IAsyncDisposable
{
    /// <summary>The receiving gateway's name.</summary>
    public const string ReceiverName = "bench-receiver";

    private RedisServer server = null!;
    private GatewayNetwork senderNetwork = null!;
    private GatewayNetwork receiverNetwork = null!;
    private GatewayNetwork publisherNetwork = null!;
    private GatewayNetwork signedSenderNetwork = null!;
    private GatewayNetwork signedReceiverNetwork = null!;

    /// <summary>A sending gateway on the signed network.</summary>
    public Gateway SignedSender { get; private set; } = null!;

    /// <summary>The receiving gateway of the signed network (also named <see cref="ReceiverName"/>, on its own network).</summary>
    public Gateway SignedReceiver { get; private set; } = null!;

    /// <summary>The sending gateway.</summary>
    public Gateway Sender { get; private set; } = null!;

    /// <summary>A sending gateway whose awaited sends complete once published (<see cref="GatewayNetworkOptions.ConfirmRemoteSends"/> off).</summary>
    public Gateway UnconfirmedSender { get; private set; } = null!;

    /// <summary>The receiving gateway.</summary>
    public Gateway Receiver { get; private set; } = null!;

    /// <summary>The receiver's name as a <c>remoteServers</c> list.</summary>
    public IReadOnlyList<string> ToReceiver { get; } = [ReceiverName];

    /// <summary>A raw publisher connection.</summary>
    public ConnectionMultiplexer Publisher { get; private set; } = null!;

    /// <summary>A raw subscriber connection (its own, as a second process would have).</summary>
    public ConnectionMultiplexer Subscriber { get; private set; } = null!;

    /// <summary>The channel the receiving gateway listens on.</summary>
    public string ReceiverChannel => $"bench:gateway:{ReceiverName}";

    /// <summary>Starts redis-server, both gateways and the raw connections.</summary>
    public static async Task<RedisPair> StartAsync()
    {
        var pair = new RedisPair { server = RedisServer.Start() };
        var options = new GatewayNetworkOptions { NetworkName = "bench", InboundQueueCapacity = 100_000 };
        pair.senderNetwork = await RedisGatewayNetwork.ConnectAsync(pair.server.Configuration, options);
        pair.receiverNetwork = await RedisGatewayNetwork.ConnectAsync(pair.server.Configuration, options);
        pair.publisherNetwork = await RedisGatewayNetwork.ConnectAsync(
            pair.server.Configuration, new GatewayNetworkOptions { NetworkName = "bench", InboundQueueCapacity = 100_000, ConfirmRemoteSends = false });
        pair.Sender = new Gateway("bench-sender");
        pair.UnconfirmedSender = new Gateway("bench-publisher");
        pair.Receiver = new Gateway(ReceiverName, new GatewayOptions { SharedQueueCapacity = 100_000 });
        pair.Receiver.AddProject(BenchMessages.Registry);
        await pair.senderNetwork.JoinAsync(pair.Sender);
        await pair.receiverNetwork.JoinAsync(pair.Receiver);
        await pair.publisherNetwork.JoinAsync(pair.UnconfirmedSender);
        pair.Publisher = await ConnectionMultiplexer.ConnectAsync(pair.server.Configuration);
        pair.Subscriber = await ConnectionMultiplexer.ConnectAsync(pair.server.Configuration);
        const string Key = "the-benchmark-network-key-of-32+bytes";
        var signed = new GatewayNetworkOptions { NetworkName = "bench-signed", InboundQueueCapacity = 100_000, NetworkKey = Key };
        pair.signedSenderNetwork = await RedisGatewayNetwork.ConnectAsync(pair.server.Configuration, signed);
        pair.signedReceiverNetwork = await RedisGatewayNetwork.ConnectAsync(pair.server.Configuration, signed);
        pair.SignedSender = new Gateway("bench-signed-sender");
        pair.SignedReceiver = new Gateway(ReceiverName, new GatewayOptions { SharedQueueCapacity = 100_000 });
        pair.SignedReceiver.AddProject(BenchMessages.Registry);
        await pair.signedSenderNetwork.JoinAsync(pair.SignedSender);
        await pair.signedReceiverNetwork.JoinAsync(pair.SignedReceiver);
        await WaitUntilSeesReceiverAsync(pair.senderNetwork);
        await WaitUntilSeesReceiverAsync(pair.publisherNetwork);
        await WaitUntilSeesReceiverAsync(pair.signedSenderNetwork);
        return pair;
    }

    /// <summary>The bytes a Switchboard send of <paramref name="send"/> puts on the wire, captured from the receiver's channel.</summary>
    public async Task<byte[]> CaptureWireBytesAsync(Func<Gateway, IReadOnlyList<string>, Task> send)
    {
        var captured = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var channel = RedisChannel.Literal(ReceiverChannel);
        var subscriber = Subscriber.GetSubscriber();
        await subscriber.SubscribeAsync(channel, (_, value) => captured.TrySetResult((byte[])value!));
        await send(Sender, ToReceiver);
        var bytes = await captured.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await subscriber.UnsubscribeAsync(channel);
        return bytes;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Sender.DisposeAsync();
        await UnconfirmedSender.DisposeAsync();
        await Receiver.DisposeAsync();
        await SignedSender.DisposeAsync();
        await SignedReceiver.DisposeAsync();
        await signedSenderNetwork.DisposeAsync();
        await signedReceiverNetwork.DisposeAsync();
        await senderNetwork.DisposeAsync();
        await receiverNetwork.DisposeAsync();
        await publisherNetwork.DisposeAsync();
        await Publisher.DisposeAsync();
        await Subscriber.DisposeAsync();
        server.Dispose();
    }

    private static async Task WaitUntilSeesReceiverAsync(GatewayNetwork senderNetwork)
    {
        var deadline = Environment.TickCount64 + 10_000;
        while (!senderNetwork.LiveGateways.Contains(ReceiverName))
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new InvalidOperationException($"The sender's node did not see {ReceiverName} on the network within 10 s.");
            }

            await Task.Delay(20);
        }
    }
}
