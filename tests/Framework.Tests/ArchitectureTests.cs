using System.Text.RegularExpressions;

namespace Switchboard.Tests;

/// <summary>
/// The core owns its ports: routing, execution and the endpoints define the interfaces a network plugs into
/// (<c>INetworkLink</c>, <c>ILocalDelivery</c>, <c>IDeferredPayload</c>) and never name the network's own types.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly string[] CoreFolders = ["Routing", "Execution", "Endpoints"];

    // Ignition's parameter name, which the core's own send carries; a network class has the same name.
    private static readonly string[] CoreWords = ["RemoteServers"];

    [Fact]
    public void The_core_folders_name_no_type_of_the_network()
    {
        var networkTypes = typeof(Gateway).Assembly.GetTypes()
            .Where(type => !type.IsNested && type.Namespace is { } ns && (ns == "Switchboard.Network" || ns.StartsWith("Switchboard.Network.", StringComparison.Ordinal)))
            .Select(type => type.Name.Split('`')[0])
            .Where(name => !name.StartsWith('<') && !CoreWords.Contains(name))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("GatewayNetwork", networkTypes); // The scan below would prove nothing if the reflection found nothing.

        var offences = new List<string>();
        foreach (var file in CoreFolders.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(FrameworkSource(), folder), "*.cs", SearchOption.AllDirectories)))
        {
            var code = CommentsAndStrings().Replace(File.ReadAllText(file), " ");
            if (code.Contains("Switchboard.Network", StringComparison.Ordinal) || NetworkQualified().IsMatch(code))
            {
                offences.Add($"{Path.GetFileName(file)}: names the Switchboard.Network namespace");
            }

            offences.AddRange(Identifier().Matches(code).Select(match => match.Value).Where(networkTypes.Contains).Distinct()
                .Select(name => $"{Path.GetFileName(file)}: names {name}"));
        }

        Assert.Empty(offences);
    }

    [Fact]
    public void The_network_reaches_a_gateways_routing_only_through_the_cores_ports()
    {
        var offences = Directory.EnumerateFiles(Path.Combine(FrameworkSource(), "Network"), "*.cs", SearchOption.AllDirectories)
            .Where(file => RouterInternals().IsMatch(CommentsAndStrings().Replace(File.ReadAllText(file), " ")))
            .Select(Path.GetFileName)
            .ToList();

        Assert.Empty(offences);
    }

    [Fact]
    public void The_scan_sees_a_network_type_where_one_is_named()
    {
        // The same stripping as above keeps code and drops comments and strings.
        var code = CommentsAndStrings().Replace("var x = new Network.WirePayload(); // GatewayNetwork\n var s = \"InMemoryNetwork\";", " ");
        Assert.Matches(NetworkQualified(), code);
        Assert.DoesNotContain("GatewayNetwork", code);
        Assert.DoesNotContain("InMemoryNetwork", code);
    }

    private static string FrameworkSource()
    {
        // From the test's output folder up to the checkout (Framework.sln): CI builds map source paths to /_/
        // (ContinuousIntegrationBuild), so the compile-time file path cannot be used.
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Framework.sln")))
        {
            directory = directory.Parent;
        }

        var source = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "src", "Framework");
        Assert.True(Directory.Exists(source), $"The framework's source was not found at {source}.");
        return source;
    }

    // Line and block comments (XML docs included) and string literals, verbatim and interpolated ones too.
    [GeneratedRegex("""//[^\n]*|/\*.*?\*/|@"(?:[^"]|"")*"|\$?"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)'""", RegexOptions.Singleline)]
    private static partial Regex CommentsAndStrings();

    [GeneratedRegex(@"(?<![\w.])Network\.\w")]
    private static partial Regex NetworkQualified();

    // The router itself, or a gateway's Router property: the network goes through Gateway.Deliveries instead.
    [GeneratedRegex(@"\bMessageRouter\b|\.Router\b")]
    private static partial Regex RouterInternals();

    [GeneratedRegex(@"\b[A-Za-z_]\w*\b")]
    private static partial Regex Identifier();
}
