using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Switchboard.Analyzers.Tests;

/// <summary>The rules as a whole: one analyzer per rule, a help page per rule, and the release file in step.</summary>
public sealed class DiagnosticCatalogTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    public static TheoryData<string> RuleIds => new(Descriptors().Select(descriptor => descriptor.Id));

    [Fact]
    public void Ids_are_distinct_and_numbered_without_gaps_from_SWB0001_and_from_SWB0030()
    {
        // Two blocks: SWB0001 on for handlers and sends, SWB0030 on for payload JSON metadata.
        const int SecondBlock = 30;
        var ids = Descriptors().Select(descriptor => descriptor.Id).Order(StringComparer.Ordinal).ToList();
        var first = ids.Where(id => int.Parse(id[3..], CultureInfo.InvariantCulture) < SecondBlock).ToList();
        var second = ids.Except(first).ToList();
        Assert.Equal(Enumerable.Range(1, first.Count).Select(n => $"SWB{n:0000}"), first);
        Assert.Equal(Enumerable.Range(SecondBlock, second.Count).Select(n => $"SWB{n:0000}"), second);
    }

    [Fact]
    public void Every_rule_is_reported_by_exactly_one_analyzer_that_skips_generated_code()
    {
        var analyzers = typeof(DiagnosticDescriptors).Assembly.GetTypes()
            .Where(type => type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToList();
        var reported = analyzers.SelectMany(analyzer => analyzer.SupportedDiagnostics.Select(descriptor => descriptor.Id)).ToList();
        Assert.Equal(reported.Distinct().Count(), reported.Count);
        Assert.Equal(Descriptors().Select(descriptor => descriptor.Id).Order(StringComparer.Ordinal), reported.Order(StringComparer.Ordinal));
        Assert.All(analyzers, analyzer => Assert.Single(analyzer.SupportedDiagnostics));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_links_to_its_help_page_which_says_what_why_example_fix_and_severity(string id)
    {
        var descriptor = Descriptors().Single(candidate => candidate.Id == id);
        Assert.Equal($"{DocsUrl()}/diagnostics/{id}.md", descriptor.HelpLinkUri);
        Assert.True(Uri.TryCreate(descriptor.HelpLinkUri, UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps, descriptor.HelpLinkUri);
        var page = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "diagnostics", id + ".md"));
        Assert.StartsWith($"# {id}: {descriptor.Title}", page, StringComparison.Ordinal);
        foreach (var section in new[] { "## What it reports", "## Why", "## Example", "## How to fix", "## Configuring the severity" })
        {
            Assert.Contains(section, page, StringComparison.Ordinal);
        }

        Assert.Contains($"| Severity | {descriptor.DefaultSeverity} |", page, StringComparison.Ordinal);
        Assert.Contains($"dotnet_diagnostic.{id}.severity", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_is_in_the_unshipped_release_with_its_category_and_severity(string id)
    {
        var descriptor = Descriptors().Single(candidate => candidate.Id == id);
        var release = File.ReadAllLines(Path.Combine(RepositoryRoot, "src", "Analyzers", "AnalyzerReleases.Unshipped.md"));
        var row = Assert.Single(release, line => line.StartsWith(id + " ", StringComparison.Ordinal));
        var cells = row.Split('|').Select(cell => cell.Trim()).ToArray();
        Assert.Equal(descriptor.Category, cells[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[2]);
    }

    [Fact]
    public void The_readme_links_the_diagnostics_pages_absolutely_from_the_docs_url()
    {
        // The README is the package's readme too, where a relative link cannot open.
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));
        Assert.Contains($"]({DocsUrl()}/diagnostics/)", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("](docs/diagnostics/", readme, StringComparison.Ordinal);
    }

    /// <summary>$(SwitchboardDocsUrl) as Directory.Build.props defines it, from $(SwitchboardRepositoryUrl).</summary>
    private static string DocsUrl()
    {
        var properties = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Build.props")).Descendants().ToList();
        var repository = properties.Single(element => element.Name.LocalName == "SwitchboardRepositoryUrl").Value;
        return properties.Single(element => element.Name.LocalName == "SwitchboardDocsUrl").Value
            .Replace("$(SwitchboardRepositoryUrl)", repository, StringComparison.Ordinal);
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Framework.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Framework.sln above {AppContext.BaseDirectory}; the tests run from inside the repository.");
    }
}
