using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Switchboard.Packaging.Tests;

/// <summary>
/// Exactly what a new user does: pack, make a fresh project that references only the package, get an SWB0001 error
/// for a typo'd handler name, fix it, and run.
/// </summary>
public sealed class NewUserTests : IDisposable
{
    private readonly Workspace workspace = new();
    private readonly string version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task A_fresh_consumer_of_the_package_sees_SWB0001_then_builds_and_runs_once_fixed()
    {
        await PackAsync("src/Framework");
        var package = Path.Combine(workspace.Feed, $"Switchboard.{version}.nupkg");
        AssertCarriesTheCompilerParts(package);

        WriteConsumer(handlerName: "orderPlacd");
        var broken = await DotNet.RunAsync(workspace.Consumer, "build");
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains("error SWB0001", broken.Output);
        Assert.Contains("orderPlacd", broken.Output);

        WriteConsumer(handlerName: "orderPlaced");
        var fixedBuild = await DotNet.RunAsync(workspace.Consumer, "build");
        Assert.True(fixedBuild.ExitCode == 0, fixedBuild.ToString());
        Assert.Contains("0 Warning(s)", fixedBuild.Output);

        var run = await DotNet.RunAsync(workspace.Consumer, "run", "--no-build");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(
            "type=Gateway,project=Shop,messageHandler=orderPlaced,filterParams={hostName=, clientSessionId=, scope=G, user=, hasRole=},sendStatus=SENT",
            run.Output);
        Assert.Contains("order 7 placed", run.Output);
        Assert.Contains("order 8 placed", run.Output);
    }

    [Fact]
    public async Task The_core_package_does_not_pull_in_Redis_and_the_Redis_package_does()
    {
        await PackAsync("src/Framework");
        await PackAsync("src/Redis");

        var core = Nuspec(Path.Combine(workspace.Feed, $"Switchboard.{version}.nupkg"));
        var redis = Nuspec(Path.Combine(workspace.Feed, $"Switchboard.Redis.{version}.nupkg"));

        Assert.DoesNotContain("StackExchange.Redis", core);
        Assert.Contains("id=\"StackExchange.Redis\"", redis);
        Assert.Contains($"id=\"Switchboard\" version=\"{version}\"", redis);
    }

    private async Task PackAsync(string project)
    {
        var pack = await DotNet.RunAsync(workspace.Sources, "pack", project, "-c", "Release", "-o", workspace.Feed, $"-p:Version={version}");
        Assert.True(pack.ExitCode == 0, pack.ToString());
    }

    /// <summary>
    /// The generator, analyzers and code fixes once per supported Roslyn, each folder's build compiled against the
    /// Roslyn its name says (the SDK picks the folder by the compiler's version), and the runtime per framework.
    /// </summary>
    private static void AssertCarriesTheCompilerParts(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(entry => entry.FullName).ToHashSet();
        foreach (var (folder, roslyn) in new[] { ("roslyn4.8", new Version(4, 8, 0, 0)), ("roslyn4.14", new Version(4, 14, 0, 0)) })
        {
            foreach (var assembly in new[] { "Switchboard.Generators", "Switchboard.Analyzers", "Switchboard.Analyzers.CodeFixes" })
            {
                var path = $"analyzers/dotnet/{folder}/cs/{assembly}.dll";
                Assert.Contains(path, entries);
                Assert.Equal(roslyn, CodeAnalysisVersion(zip.GetEntry(path)!));
            }
        }

        Assert.DoesNotContain(entries, entry => entry.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal));
        Assert.Contains("lib/net8.0/Switchboard.dll", entries);
        Assert.Contains("lib/net10.0/Switchboard.dll", entries);
    }

    /// <summary>The version of Microsoft.CodeAnalysis that an assembly in the package was compiled against.</summary>
    private static Version CodeAnalysisVersion(ZipArchiveEntry entry)
    {
        using var stream = new MemoryStream();
        using (var source = entry.Open())
        {
            source.CopyTo(stream);
        }

        stream.Position = 0;
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(handle => metadata.GetAssemblyReference(handle))
            .Single(reference => metadata.GetString(reference.Name) == "Microsoft.CodeAnalysis")
            .Version;
    }

    private static string Nuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var nuspec = zip.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var reader = new StreamReader(nuspec.Open());
        return reader.ReadToEnd();
    }

    private void WriteConsumer(string handlerName)
    {
        Consumers.WriteNuGetConfig(workspace.Consumer, workspace.Feed);
        Consumers.WriteProject(workspace.Consumer, "Consumer", version, outputType: "Exe");
        File.WriteAllText(Path.Combine(workspace.Consumer, "Program.cs"), $$"""
            using Consumer;
            using Switchboard;

            [assembly: MessagingProject("Shop")]

            await using var gateway = new Gateway("agent-8088");
            gateway.AddProject(ShopMessages.Registry);

            foreach (var line in gateway.SendMessage("Shop", "{{handlerName}}", new Dictionary<string, object?> { ["id"] = 7 }, scope: "G"))
            {
                Console.WriteLine(line);
            }

            await gateway.SendOrderPlacedAsync(new Order(8));
            await gateway.DisposeAsync();

            namespace Consumer
            {
                public sealed record Order(int Id);

                public static class Handlers
                {
                    [MessageHandler("orderPlaced")]
                    public static void OnOrderPlaced(Order order) => Console.WriteLine($"order {order.Id} placed");
                }
            }
            """);
    }
}
