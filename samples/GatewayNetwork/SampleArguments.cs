namespace Switchboard.Samples.GatewayNetwork;

/// <summary>The sample's command line: a role, a name, and where the network is.</summary>
internal sealed record SampleArguments(string Role, string Name, string Redis, string Network, string User, bool Durable)
{
    public static SampleArguments? Parse(string[] args)
    {
        if (args.Length < 2 || args[0] is not ("gateway" or "client"))
        {
            return null;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 2; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }

            options[args[i][2..]] = args[i + 1];
        }

        return new SampleArguments(
            args[0],
            args[1],
            options.GetValueOrDefault("redis", "localhost:6379"),
            options.GetValueOrDefault("network", "switchboard"),
            options.GetValueOrDefault("user", "bob"),
            options.GetValueOrDefault("durable") == "on");
    }
}
