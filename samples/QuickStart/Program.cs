// QuickStart: the examples of Ignition's system.util.sendMessage page, on the in-process default.
using Microsoft.Extensions.Logging;
using Switchboard;
using Switchboard.QuickStart;

using var logging = LoggerFactory.Create(builder => builder.AddSimpleConsole(console => console.SingleLine = true));
var log = logging.CreateLogger("QuickStart");

await using var gateway = new Gateway("agent-8088", new GatewayOptions { LoggerFactory = logging });
gateway.AddProject(ProjectX.Registry(logging));

// One local client running project X, as Example 1 assumes.
await using var client = gateway.ConnectClient(new ClientIdentity { Project = "X", SessionId = "65F7A472", Address = "127.0.0.1", HostName = "127.0.0.1" });

// Example 1: a simple message to both client and gateway handlers.
Print("Example 1: scope CG", gateway.SendMessage("X", "testHandler",
    new Dictionary<string, object?> { ["first"] = "Hello", ["second"] = "World" }, scope: "CG"));

// Example 2: only to clients where user Bob is logged in.
await using var bob = gateway.ConnectClient(new ClientIdentity { Project = "X", User = "Bob", SessionId = "0B0B0B0B" });
Print("Example 2: user Bob", gateway.SendMessage(project: "X", messageHandler: "myMessageHandler", scope: "C", user: "Bob"));

// Example 4: a tag's value change sends to the session handler "test", which logs the payload.
await using var session = gateway.OpenSession(new SessionIdentity { Project = "X", User = "Alice" });
var tag = new MemoryTag("test");
tag.ValueChanged += (_, currentValue) =>
    Print("Example 4: tag change to S", gateway.SendMessage("X", "test", new Dictionary<string, object?> { ["cv"] = currentValue }, scope: "S"));
tag.Value = 42;

// sendRequest: one gateway handler, and its value back.
var sum = await bob.SendRequestAsync<int>("X", "add", new Dictionary<string, object?> { ["a"] = 2, ["b"] = 3 });
log.LogInformation("sendRequest add(2, 3) = {Sum}", sum);

// Closing the gateway drains every accepted message first, so every handler above has run when this returns.
await gateway.DisposeAsync();

void Print(string title, IReadOnlyList<string> results)
{
    Console.WriteLine($"# {title}");
    foreach (var result in results)
    {
        Console.WriteLine(result);
    }
}
