namespace Switchboard.Packaging.Tests;

/// <summary>
/// The C# a user copies from the README and the package readmes builds as written, against the packed packages:
/// as top-level statements, and (for the README) inside a namespace that is not the project's root namespace.
/// </summary>
[Collection(PackedSolutionCollection.Name)]
public sealed class ReadmeSnippetTests(PackedSolution packed)
{
    [Theory]
    [InlineData("README.md", false)]
    [InlineData("README.md", true)]
    [InlineData("src/Framework/PACKAGE.md", false)]
    [InlineData("src/Redis/PACKAGE.md", false)]
    public async Task The_snippets_build_as_written_without_warnings(string document, bool inNamespace)
    {
        Assert.True(packed.Pack.ExitCode == 0, packed.Pack.ToString());
        var snippets = new ReadmeSnippets(File.ReadAllText(Path.Combine(packed.Workspace.Repository, document)));
        Assert.True(snippets.Count > 0, $"{document} has no C# snippets");

        var name = "Snippets" + Math.Abs(StringComparer.Ordinal.GetHashCode(document)) + (inNamespace ? "Namespaced" : "TopLevel");
        var consumer = packed.Workspace.NewConsumer(name);
        ConsumerProject.Write(
            consumer,
            [("Switchboard", packed.Version), ("Switchboard.Redis", packed.Version), ("Microsoft.Extensions.Hosting", "8.0.1")],
            inNamespace ? snippets.Namespaced("Acme.Plant.Messaging") : snippets.TopLevel());

        var build = await DotNet.RunAsync(consumer, "build");

        var sources = string.Join("\n", Directory.GetFiles(consumer, "*.cs").Select(File.ReadAllText));
        Assert.True(build.ExitCode == 0, $"{build}\n--- sources ---\n{sources}");
        Assert.Contains("0 Warning(s)", build.Output);
    }
}
