using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Switchboard.Generators;

namespace Switchboard.Analyzers.Tests.Support;

/// <summary>
/// Runs the real generator over a test source, so a test can check that what a diagnostic says the generator does
/// (skip a handler, fall back to a project, type a stub's payload as object) is what it does.
/// </summary>
internal sealed class GeneratorOutput
{
    private GeneratorOutput(IReadOnlyList<GeneratedSourceResult> sources) => Sources = sources;

    public IReadOnlyList<GeneratedSourceResult> Sources { get; }

    /// <summary>The <c>[assembly: MessageHandlerManifest(...)]</c> lines of every generated manifest.</summary>
    public IReadOnlyList<string> ManifestEntries =>
        Sources
            .Where(source => source.HintName.EndsWith(".Manifest.g.cs", StringComparison.Ordinal))
            .SelectMany(source => source.SourceText.ToString().Split('\n'))
            .Where(line => line.StartsWith("[assembly: global::Switchboard.MessageHandlerManifest(", StringComparison.Ordinal))
            .ToList();

    /// <summary>Whether a manifest declares <paramref name="handler"/> in <paramref name="project"/>.</summary>
    public bool Declares(string project, string handler) =>
        ManifestEntries.Any(line => line.Contains($"MessageHandlerManifest(\"{project}\", \"{handler}\",", StringComparison.Ordinal));

    /// <summary>The text of the generated file whose hint name is <paramref name="hintName"/>.</summary>
    public string Source(string hintName) =>
        Sources.Single(source => source.HintName == hintName).SourceText.ToString();

    public static async Task<GeneratorOutput> RunAsync(string assemblyName, string source)
    {
        var references = (await TestReferences.Net100.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).Add(TestReferences.Switchboard);
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(TestReferences.Usings + source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(new MessageHandlerGenerator())
            .RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        Assert.Empty(diagnostics);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return new GeneratorOutput(result.GeneratedSources);
    }
}
