namespace Switchboard.Generators.Tests.Support;

/// <summary>Finds files of this test project on disk (snapshots are rewritten there, not in the output folder).</summary>
internal static class TestProject
{
    private static readonly Lazy<string> DirectoryPath = new(Find);

    public static string Directory => DirectoryPath.Value;

    public static string SourcesDirectory => Path.Combine(Directory, "Sources");

    public static string SnapshotsDirectory => Path.Combine(Directory, "Snapshots");

    public static string ReadSource(string name) => File.ReadAllText(Path.Combine(SourcesDirectory, name + ".cs"));

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generators.Tests.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Generators.Tests.csproj was not found above {AppContext.BaseDirectory}.");
    }
}
