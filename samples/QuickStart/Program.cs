// QuickStart: the examples of Ignition's system.util.sendMessage page, on the in-process default, with typed stubs
// generated from the [MessageHandler] methods in this project (XMessages is generated; see docs/generator.md).
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard;
using Switchboard.Network;
using Switchboard.QuickStart;

// Instance handlers without a parameterless constructor come from the endpoint's services.
await using var services = new ServiceCollection()
    .AddLogging(logging => logging.AddSimpleConsole(console => console.SingleLine = true))
    .AddTransient<GatewayScripts>()
    .AddTransient<ClientScripts>()
    .AddTransient<SessionScripts>()
    .BuildServiceProvider();
var logging = services.GetRequiredService<ILoggerFactory>();
var log = logging.CreateLogger("QuickStart");

await using var gateway = new Gateway("agent-8088", new GatewayOptions { LoggerFactory = logging, Services = services });
gateway.AddProject(XMessages.Registry);

// One local client running project X, as Example 1 assumes.
await using var client = gateway.ConnectClient(
    new ClientIdentity { Project = "X", SessionId = "65F7A472", Address = "127.0.0.1", HostName = "127.0.0.1" }, services);

// Example 1: a simple message to both client and gateway handlers.
Print("Example 1: scope CG", await gateway.SendTestHandlerAsync(new Greeting("Hello", "World"), scope: Scope.Client | Scope.Gateway));

// Example 2: only to clients where user Bob is logged in.
await using var bob = gateway.ConnectClient(new ClientIdentity { Project = "X", User = "Bob", SessionId = "0B0B0B0B" }, services);
Print("Example 2: user Bob", await gateway.SendMyMessageHandlerAsync(scope: Scope.Client, user: "Bob"));

// Example 3: to remote servers over the gateway network. Here the network is the in-process one, so nothing needs
// installing; with Switchboard.Redis the same call crosses machines (samples/GatewayNetwork).
var network = new InMemoryNetwork();
await using var agent9000 = new Gateway("agent-9000", new GatewayOptions { LoggerFactory = logging, Services = services });
agent9000.AddProject(XMessages.Registry);
await using var network8088 = new GatewayNetwork(network.Connect());
await using var network9000 = new GatewayNetwork(network.Connect());
await network8088.JoinAsync(gateway);
await network9000.JoinAsync(agent9000);
Print("Example 3: remoteServers agent-8088, agent-9000",
    await gateway.SendTestHandlerAsync(new Greeting("Hello", "Remote"), scope: Scope.Gateway, remoteServers: ["agent-8088", "agent-9000"]));

// Example 4: a tag's value change sends to the session handler "test", which logs the payload.
await using var session = gateway.OpenSession(new SessionIdentity { Project = "X", User = "Alice" }, services);
var tag = new MemoryTag("test");
var sent = new List<Task>();
tag.ValueChanged += (_, currentValue) => sent.Add(SendTagChangeAsync(currentValue));
tag.Value = 42;
await Task.WhenAll(sent);

// sendRequest: one gateway handler, and its value back.
var sum = await bob.RequestAddAsync(new AddRequest(2, 3));
log.LogInformation("sendRequest add(2, 3) = {Sum}", sum);

// Closing the gateways drains every accepted message first, so every handler above has run when this returns.
await agent9000.DisposeAsync();
await gateway.DisposeAsync();

async Task SendTagChangeAsync(object? currentValue) =>
    Print("Example 4: tag change to S", await gateway.SendTestAsync(new Dictionary<string, object?> { ["cv"] = currentValue }, scope: Scope.Session));

void Print(string title, DeliveryReport results)
{
    Console.WriteLine($"# {title}");
    foreach (var result in results)
    {
        Console.WriteLine(result);
    }
}
