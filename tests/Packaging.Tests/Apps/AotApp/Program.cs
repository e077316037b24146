// A native AOT application that sets up no JSON metadata: every conversion below uses what the generator emitted.
using System.Text.Json.Serialization;
using AotApp;
using Switchboard;
using Switchboard.Network;

await using var local = new Gateway("agent-8088");
await using var remote = new Gateway("agent-9000");
local.AddProject(AotAppMessages.Registry);
remote.AddProject(AotAppMessages.Registry);

var memory = new InMemoryNetwork();
await using var network8088 = new GatewayNetwork(memory.Connect());
await using var network9000 = new GatewayNetwork(memory.Connect());
await network8088.JoinAsync(local);
await network9000.JoinAsync(remote);

var failures = 0;

// 1. A dictionary sent (the untyped, Ignition-shaped API) to a handler that takes a typed payload.
var dictionary = new Dictionary<string, object?>
{
    ["line"] = "press-4",
    ["state"] = 1,
    ["limit"] = 12.5,
    ["tags"] = new List<object?> { "a", "b" },
    ["counts"] = new Dictionary<string, object?> { ["ok"] = 3 },
    ["operator"] = new Dictionary<string, object?> { ["name"] = "ada", ["badge"] = 7 },
    ["due"] = null,
    ["serial"] = "S-1",
};
Check("dictionary to typed", local.SendMessage("AotApp", "machine", dictionary, scope: "G"));
Check("received dictionary", await NextAsync());

// 2. A typed send to a remote gateway: the payload crosses the wire as JSON and becomes a MachineUpdate there.
var update = new MachineUpdate("press-5", MachineState.Stopped, 3, ["x"], new() { ["bad"] = 1 }, new Operator("grace", 9), DateTimeOffset.UnixEpoch)
{
    Serial = "S-2",
};
var report = await local.SendMachineAsync(update, scope: Scope.Gateway, remoteServers: ["agent-9000"]);
Check("typed to remote", report.Select(result => result.ToString()));
Check("received remote", await NextAsync());

// 3. A typed request to a remote gateway, answered with a typed response.
var summary = await local.RequestSummarizeAsync(update, remoteServer: "agent-9000");
Check("remote response", summary.ToString());

// 4. A typed payload sent to a handler that takes a dictionary.
Check("typed to dictionary", (await local.SendAsync("AotApp", "audit", new Operator("linus", 1), scope: Scope.Gateway)).Select(result => result.ToString()));
Check("received audit", await NextAsync());

Console.WriteLine(failures == 0 ? "AOT OK" : $"AOT FAILED ({failures})");
return failures == 0 ? 0 : 1;

// A delivery that never comes fails the app rather than hanging it.
static async Task<string> NextAsync()
{
    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
    try
    {
        return await Handlers.Received.Reader.ReadAsync(timeout.Token);
    }
    catch (OperationCanceledException)
    {
        return "FAILED: nothing arrived within 30 s";
    }
}

void Check(string what, object? value)
{
    var text = value is IEnumerable<string> lines ? string.Join(" | ", lines) : value?.ToString();
    if (text is null || text.Contains("Exception", StringComparison.Ordinal) || text.Contains("FAILED", StringComparison.Ordinal))
    {
        failures++;
    }

    Console.WriteLine($"{what}: {text}");
}

namespace AotApp
{
    public enum MachineState
    {
        Stopped,
        Running,
    }

    public sealed record Operator(string Name, int Badge);

    /// <summary>Records, an enum, a nullable, collections, a nested record and a required init-only member.</summary>
    public sealed record MachineUpdate(
        string Line,
        MachineState State,
        double Limit,
        List<string> Tags,
        Dictionary<string, int> Counts,
        Operator Operator,
        DateTimeOffset? Due)
    {
        [JsonPropertyName("serial")]
        public required string Serial { get; init; }

        public override string ToString() =>
            $"{Line} {State} limit={Limit} tags=[{string.Join(",", Tags)}] counts=[{string.Join(",", Counts.Select(c => c.Key + "=" + c.Value))}] " +
            $"operator={Operator.Name}#{Operator.Badge} due={Due?.ToUnixTimeSeconds().ToString() ?? "none"} serial={Serial}";
    }

    public sealed class Summary
    {
        public string Text { get; set; } = "";

        public int TagCount { get; set; }

        public override string ToString() => $"{Text} ({TagCount} tags)";
    }

    public static class Handlers
    {
        public static readonly System.Threading.Channels.Channel<string> Received = System.Threading.Channels.Channel.CreateUnbounded<string>();

        [MessageHandler("machine")]
        public static void OnMachine(MachineUpdate update, MessageContext context) =>
            Received.Writer.TryWrite($"{context.Endpoint} got {update}");

        [MessageHandler("summarize")]
        public static Summary Summarize(MachineUpdate update) => new() { Text = update.Line + " " + update.State, TagCount = update.Tags.Count };

        [MessageHandler("audit")]
        public static void Audit(IReadOnlyDictionary<string, object?> payload) =>
            Received.Writer.TryWrite("audit " + string.Join(",", payload.Select(pair => $"{pair.Key}={pair.Value}")));
    }
}
