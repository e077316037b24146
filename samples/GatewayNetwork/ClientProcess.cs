using Microsoft.Extensions.Logging;
using Switchboard.Network;
using Switchboard.Redis;

namespace Switchboard.Samples.GatewayNetwork;

/// <summary>
/// A remote client process: connects to its gateway by name, then, as Ignition's Example 3 does from a script, sends
/// to both gateways of the network, asks agent-8088 for a sum, and exits once its own client handler has run.
/// </summary>
internal static class ClientProcess
{
    private static readonly string[] Servers = ["agent-8088", "agent-9000"];

    public static async Task<int> RunAsync(SampleArguments arguments)
    {
        using var logging = LoggerFactory.Create(builder => builder.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        await using var network = await RedisGatewayNetwork.ConnectAsync(arguments.Redis, new GatewayNetworkOptions { NetworkName = arguments.Network, LoggerFactory = logging });
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var project = ProjectX.Registry(line =>
        {
            Console.WriteLine($"[client] {line}");
            handled.TrySetResult();
        });
        await using var client = await network.ConnectClientAsync(
            arguments.Name, new ClientIdentity { Project = "X", User = arguments.User, HostName = Environment.MachineName }, project);
        Console.WriteLine($"[client] connected to {client.GatewayName} as session {client.SessionId} (user {arguments.User})");

        // Example 3: a message to remote servers over the gateway network. Awaiting it also reports what each did.
        var payload = new Dictionary<string, object?> { ["first"] = "Hello", ["second"] = "World" };
        var report = await client.SendAsync("X", "testHandler", payload, Scope.Client | Scope.Gateway, remoteServers: Servers);
        Console.WriteLine("[client] Example 3 results:");
        foreach (var result in report)
        {
            Console.WriteLine($"  {result}{(result.Type != DeliveryTargetType.RemoteGateway && result.ServerName is { } server ? $"   (on {server})" : "")}");
        }

        // sendRequest to a remote server: agent-8088's add handler answers through agent-9000.
        int sum;
        try
        {
            sum = await client.SendRequestAsync<int>("X", "add", new Dictionary<string, object?> { ["a"] = 2, ["b"] = 3 }, remoteServer: "agent-8088");
        }
        catch (GatewayUnreachableException unreachable)
        {
            Console.WriteLine($"[client] sendRequest add(2, 3) on agent-8088 failed: {unreachable.Message}");
            return 1;
        }

        Console.WriteLine($"[client] sendRequest add(2, 3) on agent-8088 = {sum}");

        // Example 3 reached this client too (it is a client of agent-9000): wait for its handler before leaving.
        await handled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return report.AllSent && sum == 5 ? 0 : 1;
    }
}
