using System.Xml.Linq;

namespace Switchboard.Packaging.Tests;

/// <summary>
/// Packs the whole solution once per test run, as CI does (<c>CI=true</c>, so the build is deterministic), into a
/// private feed that every packaging test reads and builds consumers from.
/// </summary>
public sealed class PackedSolution : IAsyncLifetime
{
    internal Workspace Workspace { get; } = new();

    public string Version { get; } = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");

    /// <summary>What <c>dotnet pack Framework.sln</c> printed, and its exit code.</summary>
    internal DotNet.Result Pack { get; private set; } = new(-1, "not packed");

    /// <summary>The project's canonical repository URL, read where it is defined: Directory.Build.props.</summary>
    public string RepositoryUrl { get; private set; } = "";

    public string Feed => Workspace.Feed;

    public string PackagePath(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        RepositoryUrl = XDocument.Load(Path.Combine(Workspace.Sources, "Directory.Build.props"))
            .Descendants("SwitchboardRepositoryUrl").Single().Value;

        // A clone has a commit and an origin remote; SourceLink reads both. The copy must be a repository of its own:
        // git must never reach the repository the tests run from.
        if (Path.Exists(Path.Combine(Workspace.Sources, ".git")))
        {
            throw new InvalidOperationException("The sources copy already has a .git entry; refusing to run git in it.");
        }

        await Git("init", "-q", "-b", "main");
        var top = (await Tool.RunAsync("git", Workspace.Sources, null, "rev-parse", "--show-toplevel")).Output.Trim();
        if (Path.GetFullPath(top) != Path.GetFullPath(Workspace.Sources))
        {
            throw new InvalidOperationException($"git init in {Workspace.Sources} made a repository at {top}.");
        }

        await Git("add", "-A");
        await Git("-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "snapshot");
        await Git("remote", "add", "origin", RepositoryUrl);

        Pack = await DotNet.RunAsync(
            Workspace.Sources,
            new Dictionary<string, string> { ["CI"] = "true" },
            "pack", "Framework.sln", "-c", "Release", "-o", Workspace.Feed, $"-p:Version={Version}");
        Workspace.WriteConsumerNuGetConfig();
    }

    public Task DisposeAsync()
    {
        Workspace.Dispose();
        return Task.CompletedTask;
    }

    private async Task Git(params string[] arguments)
    {
        var result = await Tool.RunAsync("git", Workspace.Sources, null, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {result}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedSolutionCollection : ICollectionFixture<PackedSolution>
{
    public const string Name = "packed solution";
}
