using Microsoft.Extensions.DependencyInjection;
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
        var output = new HandlerOutput("client");
        await using var services = new ServiceCollection()
            .AddLogging(builder => builder.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(output)
            .AddTransient<ClientScripts>()
            .BuildServiceProvider();
        var logging = services.GetRequiredService<ILoggerFactory>();
        await using var network = await RedisGatewayNetwork.ConnectAsync(arguments.Redis, new GatewayNetworkOptions { NetworkName = arguments.Network, LoggerFactory = logging });
        await using var client = await network.ConnectClientAsync(
            arguments.Name,
            new ClientIdentity { Project = XMessages.ProjectName, User = arguments.User, HostName = Environment.MachineName },
            XMessages.Registry,
            new GatewayOptions { LoggerFactory = logging },
            services);
        Console.WriteLine($"[client] connected to {client.GatewayName} as session {client.SessionId} (user {arguments.User})");

        // Example 3: a message to remote servers over the gateway network. Awaiting it also reports what each did.
        var payload = new Dictionary<string, object?> { ["first"] = "Hello", ["second"] = "World" };
        var report = await client.SendTestHandlerAsync(payload, scope: Scope.Client | Scope.Gateway, remoteServers: Servers);
        Console.WriteLine("[client] Example 3 results:");
        foreach (var result in report)
        {
            Console.WriteLine($"  {result}{(result.Type != DeliveryTargetType.RemoteGateway && result.ServerName is { } server ? $"   (on {server})" : "")}");
        }

        // sendRequest to a remote server: agent-8088's add handler answers through agent-9000.
        int sum;
        try
        {
            sum = await client.RequestAddAsync(new AddRequest(2, 3), remoteServer: "agent-8088");
        }
        catch (GatewayUnreachableException unreachable)
        {
            Console.WriteLine($"[client] sendRequest add(2, 3) on agent-8088 failed: {unreachable.Message}");
            return 1;
        }

        Console.WriteLine($"[client] sendRequest add(2, 3) on agent-8088 = {sum}");

        // Example 3 reached this client too (it is a client of agent-9000): wait for its handler before leaving.
        await output.FirstLine.WaitAsync(TimeSpan.FromSeconds(10));
        return report.AllSent && sum == 5 ? 0 : 1;
    }
}
