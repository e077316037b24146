namespace Switchboard.Packaging.Tests;

/// <summary>
/// A private copy of the repository, made a git repository of its own (one commit, the canonical remote) so that
/// SourceLink sees what a clone sees, and packing never writes into the build outputs that other test projects run
/// from; beside it, the package feed and a folder for consumer projects that resolve packages from that feed.
/// </summary>
internal sealed class Workspace : IDisposable
{
    // Build outputs, test results, and git's own data: in a worktree or a submodule ".git" is a file that points at
    // the real repository, and git commands run in the copy would act on that repository.
    private static readonly string[] Skipped = ["bin", "obj", ".git", "TestResults"];

    public Workspace()
    {
        Root = Directory.CreateTempSubdirectory("switchboard-pack-").FullName;
        Repository = FindRepository();
        Sources = Path.Combine(Root, "sources");
        Feed = Path.Combine(Root, "feed");
        Consumers = Path.Combine(Root, "consumers");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Consumers);
        CopyTree(Repository, Sources);
    }

    public string Root { get; }

    public string Repository { get; }

    public string Sources { get; }

    public string Feed { get; }

    /// <summary>Consumer projects go in sub-folders; the nuget.config here points them at <see cref="Feed"/>.</summary>
    public string Consumers { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the temp folder is the system's to clean.
        }
    }

    /// <summary>A new, empty consumer folder under <see cref="Consumers"/>.</summary>
    public string NewConsumer(string name)
    {
        var folder = Path.Combine(Consumers, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Test versions go to a private package folder; everything else is found where the user already has it.</summary>
    public void WriteConsumerNuGetConfig()
    {
        var userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(Consumers, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" /></config>
              <packageSources><add key="switchboard-local" value="{Feed}" /></packageSources>
              <fallbackPackageFolders><add key="user" value="{userPackages}" /></fallbackPackageFolders>
            </configuration>
            """);
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Framework.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Framework.sln was not found above " + AppContext.BaseDirectory);
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from).Where(file => !Skipped.Contains(Path.GetFileName(file))))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            if (!Skipped.Contains(Path.GetFileName(directory)))
            {
                CopyTree(directory, Path.Combine(to, Path.GetFileName(directory)));
            }
        }
    }
}
