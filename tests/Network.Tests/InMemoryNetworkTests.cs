namespace Switchboard.Network.Tests;

/// <summary>The shared suite over the in-memory network: several gateways and clients in one process.</summary>
public sealed class InMemoryNetworkTests : NetworkSuite
{
    private readonly InMemoryNetwork hub = new();

    protected override Task<INetworkTransport> ConnectTransportAsync() => Task.FromResult<INetworkTransport>(hub.Connect());

    protected override Task SeverAsync(INetworkTransport transport)
    {
        ((InMemoryNetworkTransport)transport).Disconnect();
        return Task.CompletedTask;
    }

    protected override Task InterruptAsync(INetworkTransport transport)
    {
        var connection = (InMemoryNetworkTransport)transport;
        connection.Disconnect();
        _ = Task.Delay(300).ContinueWith(_ => connection.Reconnect(), TaskScheduler.Default);
        return Task.CompletedTask;
    }
}
