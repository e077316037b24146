using System.Reflection.Metadata;
using System.Text.RegularExpressions;

namespace Switchboard.Packaging.Tests;

/// <summary>What nuget.org and a debugger see: the packages the solution makes, their metadata, readmes and symbols.</summary>
[Collection(PackedSolutionCollection.Name)]
public sealed partial class PackageMetadataTests(PackedSolution packed)
{
    // The PDB custom debug information kind that holds the SourceLink JSON.
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    public static TheoryData<string, string> Shipped => new()
    {
        { "Switchboard", "dotnet add package Switchboard" },
        { "Switchboard.Redis", "dotnet add package Switchboard.Redis" },
        { "Switchboard.AspNetCore", "dotnet add package Switchboard.AspNetCore" },
        { "Switchboard.OpenTelemetry", "dotnet add package Switchboard.OpenTelemetry" },
        { "Switchboard.Templates", "dotnet new install Switchboard.Templates" },
    };

    [Fact]
    public void Packing_the_solution_makes_exactly_the_shipped_packages_with_symbols_for_the_libraries()
    {
        Assert.True(packed.Pack.ExitCode == 0, packed.Pack.ToString());
        Assert.DoesNotContain("NU5017", packed.Pack.Output);

        var v = packed.Version;
        Assert.Equal(
            [
                $"Switchboard.{v}.nupkg", $"Switchboard.{v}.snupkg",
                $"Switchboard.AspNetCore.{v}.nupkg", $"Switchboard.AspNetCore.{v}.snupkg",
                $"Switchboard.OpenTelemetry.{v}.nupkg", $"Switchboard.OpenTelemetry.{v}.snupkg",
                $"Switchboard.Redis.{v}.nupkg", $"Switchboard.Redis.{v}.snupkg",
                $"Switchboard.Templates.{v}.nupkg",
            ],
            Directory.GetFiles(packed.Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Each_package_has_full_metadata_an_icon_and_a_readme_that_starts_with_the_install_line(string id, string installLine)
    {
        var package = packed.PackagePath(id);
        var metadata = Package.Metadata(package);

        Assert.Equal("MIT", Package.Element(metadata, "license"));
        Assert.Equal(packed.RepositoryUrl, Package.Element(metadata, "projectUrl"));
        var repository = Package.Child(metadata, "repository");
        Assert.NotNull(repository);
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal(packed.RepositoryUrl, repository.Attribute("url")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? "");
        Assert.False(string.IsNullOrWhiteSpace(Package.Element(metadata, "description")));
        Assert.Contains("messaging", Package.Element(metadata, "tags") ?? "");

        Assert.Equal("icon.png", Package.Element(metadata, "icon"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Package.Bytes(package, "icon.png")[..4]);

        Assert.Equal("README.md", Package.Element(metadata, "readme"));
        var readme = Package.Text(package, "README.md");
        Assert.StartsWith($"```sh\n{installLine}\n```", readme.ReplaceLineEndings("\n"));
        var links = MarkdownLink().Matches(readme).Select(match => match.Groups[1].Value).Concat(BareLink().Matches(readme).Select(match => match.Value)).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith(packed.RepositoryUrl, link));
        Assert.DoesNotContain("{RepositoryUrl}", readme);
        Assert.DoesNotContain("{DocsUrl}", readme);
    }

    [Theory]
    [InlineData("Switchboard")]
    [InlineData("Switchboard.Redis")]
    [InlineData("Switchboard.AspNetCore")]
    [InlineData("Switchboard.OpenTelemetry")]
    public void The_symbols_are_deterministic_and_link_every_source_to_the_commit_on_GitHub(string id)
    {
        var symbols = Path.ChangeExtension(packed.PackagePath(id), ".snupkg");
        var commit = Package.Child(Package.Metadata(packed.PackagePath(id)), "repository")!.Attribute("commit")!.Value;
        var rawUrl = packed.RepositoryUrl.Replace("https://github.com/", "https://raw.githubusercontent.com/", StringComparison.Ordinal);

        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            using var provider = MetadataReaderProvider.FromPortablePdbImage(
                [.. Package.Bytes(symbols, $"lib/{framework}/{id}.pdb")]);
            var pdb = provider.GetMetadataReader();

            var sourceLink = pdb.CustomDebugInformation
                .Select(pdb.GetCustomDebugInformation)
                .Where(information => pdb.GetGuid(information.Kind) == SourceLinkKind)
                .Select(information => System.Text.Encoding.UTF8.GetString(pdb.GetBlobBytes(information.Value)))
                .Single();
            Assert.Contains($"{rawUrl}/{commit}/*", sourceLink);

            // ContinuousIntegrationBuild (CI=true): paths are normalized, so the same commit builds the same bytes anywhere.
            var paths = pdb.Documents.Select(handle => pdb.GetString(pdb.GetDocument(handle).Name)).ToList();
            Assert.Contains(paths, path => path.EndsWith(".cs", StringComparison.Ordinal));
            Assert.All(paths, path => Assert.StartsWith("/_/", path));
        }
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?<![(\w/])https?://[^\s)`]+")]
    private static partial Regex BareLink();
}
