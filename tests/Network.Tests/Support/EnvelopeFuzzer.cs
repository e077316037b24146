using System.Text;
using System.Text.Json.Nodes;

namespace Switchboard.Network.Tests.Support;

/// <summary>Makes hostile messages: random bytes and JSON, and valid envelopes mutated at the byte and the field level.</summary>
internal sealed class EnvelopeFuzzer(int seed, IReadOnlyList<byte[]> valid)
{
    private static readonly string[] Kinds =
        ["send", "request", "cancel", "reply", "attach", "heartbeat", "detach", "deliver", "clientSend", "clientRequest", "presence", "ping", "replies", "bogus", ""];

    private readonly Random random = new(seed);

    public byte[] Next(int index) => (index % 7) switch
    {
        0 => RandomBytes(),
        1 => Encoding.UTF8.GetBytes(RandomJson(depth: 0)),
        2 => FlipBytes(Pick()),
        3 => Truncate(Pick()),
        4 => MutateField(Pick()),
        5 => WrapInReplies(),
        _ => SwapKind(Pick()),
    };

    private byte[] Pick() => valid[random.Next(valid.Count)];

    private byte[] RandomBytes()
    {
        var bytes = new byte[random.Next(0, 400)];
        random.NextBytes(bytes);
        return bytes;
    }

    private string RandomJson(int depth) => random.Next(depth > 3 ? 5 : 8) switch
    {
        0 => "null",
        1 => random.Next(2) == 0 ? "true" : "false",
        2 => (random.NextDouble() * 1e12 - 5e11).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        3 => "\"" + RandomText() + "\"",
        4 => random.Next(int.MinValue, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
        5 => "[" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => RandomJson(depth + 1))) + "]",
        _ => "{" + string.Join(",", Enumerable.Range(0, random.Next(6)).Select(_ => $"\"{RandomKey()}\":{RandomJson(depth + 1)}")) + "}",
    };

    private string RandomKey() => random.Next(3) == 0
        ? RandomText()
        : new[] { "v", "kind", "id", "project", "handler", "scope", "filters", "sender", "payload", "replyTo", "deadline", "sessionId", "client", "results", "outcome", "state", "t", "replies" }[random.Next(18)];

    private string RandomText()
    {
        const string alphabet = "abcXYZ019 -_:\\u00e9\u00fc\u2603";
        var length = random.Next(12);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString().Replace("\\", "\\\\", StringComparison.Ordinal);
    }

    private byte[] FlipBytes(byte[] message)
    {
        var copy = (byte[])message.Clone();
        for (var i = random.Next(1, 4); i > 0 && copy.Length > 0; i--)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private byte[] Truncate(byte[] message) => message[..random.Next(message.Length)];

    private byte[] MutateField(byte[] message)
    {
        var root = JsonNode.Parse(message)!.AsObject();
        var names = root.Select(property => property.Key).ToArray();
        var name = names[random.Next(names.Length)];
        switch (random.Next(4))
        {
            case 0:
                root.Remove(name);
                break;
            case 1:
                root[name] = JsonNode.Parse(RandomJson(depth: 2));
                break;
            case 2:
                root["v"] = random.Next(-1, 4);
                break;
            default:
                root[name] = new string('w', random.Next(10) == 0 ? 200_000 : 300);
                break;
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    // A "replies" envelope around recorded messages of any kind, sometimes mutated: its replies are read one by one.
    private byte[] WrapInReplies()
    {
        var replies = new JsonArray();
        for (var i = random.Next(0, 4); i >= 0; i--)
        {
            var message = random.Next(3) switch
            {
                0 => MutateField(Pick()),
                1 => Encoding.UTF8.GetBytes($$"""{"v":1,"kind":"reply","id":"{{RandomText().Replace("\"", "", StringComparison.Ordinal)}}x","outcome":{"code":"ok"},"results":[]}"""),
                _ => Pick(),
            };
            replies.Add(JsonNode.Parse(random.Next(4) == 0 ? SwapKind(message) : message));
        }

        var root = new JsonObject { ["v"] = 1, ["kind"] = "replies", ["replies"] = replies };
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private byte[] SwapKind(byte[] message)
    {
        var root = JsonNode.Parse(message)!.AsObject();
        root["kind"] = Kinds[random.Next(Kinds.Length)];
        if (random.Next(3) == 0)
        {
            root["deadline"] = random.Next(2) == 0 ? 0 : long.MaxValue;
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }
}
