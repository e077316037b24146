namespace Switchboard.Packaging.Tests;

/// <summary>
/// A private copy of the repository's sources, so that packing never writes into the build outputs that other
/// test projects are running from, plus a temporary folder for the feed and the consumer.
/// </summary>
internal sealed class Workspace : IDisposable
{
    private static readonly string[] Copied = ["src", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "README.md"];

    public Workspace()
    {
        Root = Directory.CreateTempSubdirectory("switchboard-pack-").FullName;
        Repository = FindRepository();
        Sources = Path.Combine(Root, "sources");
        Feed = Path.Combine(Root, "feed");
        Consumer = Path.Combine(Root, "consumer");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Consumer);
        foreach (var name in Copied)
        {
            Copy(Path.Combine(Repository, name), Path.Combine(Sources, name));
        }
    }

    public string Root { get; }

    public string Repository { get; }

    public string Sources { get; }

    public string Feed { get; }

    public string Consumer { get; }

    /// <summary>Copies one more file or folder of the repository (without bin/ and obj/) into <see cref="Sources"/>, at the same place.</summary>
    public string AddFromRepository(string relativePath)
    {
        var target = Path.Combine(Sources, relativePath);
        Copy(Path.Combine(Repository, relativePath), target);
        return target;
    }

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

    private static void Copy(string from, string to)
    {
        if (File.Exists(from))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj"))
            {
                continue;
            }

            Copy(file, Path.Combine(to, relative));
        }
    }
}
