using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Switchboard.Packaging.Tests;

/// <summary>
/// Exactly what a new user does: a fresh project that references only the package, an SWB0001 error for a typo'd
/// handler name, the fix, and a run.
/// </summary>
[Collection(PackedSolutionCollection.Name)]
public sealed class NewUserTests(PackedSolution packed)
{
    [Fact]
    public async Task A_fresh_consumer_of_the_package_sees_SWB0001_then_builds_and_runs_once_fixed()
    {
        Assert.True(packed.Pack.ExitCode == 0, packed.Pack.ToString());
        AssertCarriesTheCompilerParts(packed.PackagePath("Switchboard"));
        var consumer = packed.Workspace.NewConsumer("Shop");

        WriteConsumer(consumer, handlerName: "orderPlacd");
        var broken = await DotNet.RunAsync(consumer, "build");
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains("error SWB0001", broken.Output);
        Assert.Contains("orderPlacd", broken.Output);

        WriteConsumer(consumer, handlerName: "orderPlaced");
        var fixedBuild = await DotNet.RunAsync(consumer, "build");
        Assert.True(fixedBuild.ExitCode == 0, fixedBuild.ToString());
        Assert.Contains("0 Warning(s)", fixedBuild.Output);

        var run = await DotNet.RunAsync(consumer, "run", "--no-build");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(
            "type=Gateway,project=Shop,messageHandler=orderPlaced,filterParams={hostName=, clientSessionId=, scope=G, user=, hasRole=},sendStatus=SENT",
            run.Output);
        Assert.Contains("order 7 placed", run.Output);
        Assert.Contains("order 8 placed", run.Output);
    }

    [Fact]
    public void The_core_package_does_not_pull_in_Redis_and_the_Redis_package_does()
    {
        Assert.True(packed.Pack.ExitCode == 0, packed.Pack.ToString());

        var core = Package.Nuspec(packed.PackagePath("Switchboard"));
        var redis = Package.Nuspec(packed.PackagePath("Switchboard.Redis"));

        Assert.DoesNotContain("StackExchange.Redis", core);
        Assert.Contains("id=\"StackExchange.Redis\"", redis);
        Assert.Contains($"id=\"Switchboard\" version=\"{packed.Version}\"", redis);
    }

    /// <summary>
    /// The generator, analyzers and code fixes once per supported Roslyn, each folder's build compiled against the
    /// Roslyn its name says (the SDK picks the folder by the compiler's version), and the runtime per framework.
    /// </summary>
    private static void AssertCarriesTheCompilerParts(string package)
    {
        var entries = Package.Entries(package);
        foreach (var (folder, roslyn) in new[] { ("roslyn4.8", new Version(4, 8, 0, 0)), ("roslyn4.14", new Version(4, 14, 0, 0)) })
        {
            foreach (var assembly in new[] { "Switchboard.Generators", "Switchboard.Analyzers", "Switchboard.Analyzers.CodeFixes" })
            {
                var path = $"analyzers/dotnet/{folder}/cs/{assembly}.dll";
                Assert.Contains(path, entries);
                Assert.Equal(roslyn, CodeAnalysisVersion(Package.Bytes(package, path)));
            }
        }

        Assert.DoesNotContain(entries, entry => entry.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal));
        Assert.Contains("lib/net8.0/Switchboard.dll", entries);
        Assert.Contains("lib/net10.0/Switchboard.dll", entries);
    }

    /// <summary>The version of Microsoft.CodeAnalysis that an assembly was compiled against.</summary>
    private static Version CodeAnalysisVersion(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(metadata.GetAssemblyReference)
            .Single(reference => metadata.GetString(reference.Name) == "Microsoft.CodeAnalysis")
            .Version;
    }

    // No using of the consumer's namespace: the generated class is reachable from top-level code as written.
    private void WriteConsumer(string folder, string handlerName) => ConsumerProject.Write(
        folder,
        [("Switchboard", packed.Version)],
        new Dictionary<string, string>
        {
            ["Program.cs"] = $$"""
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

                public sealed record Order(int Id);

                public static class Handlers
                {
                    [MessageHandler("orderPlaced")]
                    public static void OnOrderPlaced(Order order) => Console.WriteLine($"order {order.Id} placed");
                }
                """,
        });
}
