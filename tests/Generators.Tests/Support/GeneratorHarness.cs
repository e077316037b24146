using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using System.Text;

namespace Switchboard.Generators.Tests.Support;

/// <summary>Makes compilations against .NET 10 and the Switchboard runtime, and runs the generator over them.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions =
        new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);

    // Every warning is an error and every warning wave is on, as in a project with TreatWarningsAsErrors.
    private static readonly CSharpCompilationOptions CompilationOptions =
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
            .WithWarningLevel(9999);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(Gateway).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceScopeFactory).Assembly.Location),
    ];

    public static CSharpCompilation Compilation(string assemblyName, params string[] sources) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{index}.cs")),
            References,
            CompilationOptions);

    public static GeneratorDriver Driver(string? rootNamespace = "App", params AdditionalText[] additionalTexts) =>
        CSharpGeneratorDriver.Create(
            [new MessageHandlerGenerator().AsSourceGenerator()],
            additionalTexts: additionalTexts,
            parseOptions: ParseOptions,
            optionsProvider: BuildProperties.WithRootNamespace(rootNamespace),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once and fails on a generator exception or diagnostic.</summary>
    public static GeneratorRun Run(Compilation compilation, string? rootNamespace = "App")
    {
        var driver = Driver(rootNamespace).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(diagnostics);
        return new GeneratorRun(driver, output, result);
    }

    /// <summary>
    /// The diagnostics that would fail a warnings-as-errors build if the generated files kept nullable warnings on. They
    /// turn them off, so that the compiler skips their nullable flow analysis; this turns them back on, to prove that the
    /// generated code's nullable annotations are right all the same.
    /// </summary>
    public static IReadOnlyList<Diagnostic> BuildBreakingDiagnosticsWithNullableWarnings(Compilation output, GeneratorRunResult result)
    {
        var generated = new HashSet<SyntaxTree>();
        foreach (var source in result.GeneratedSources)
        {
            var text = source.SourceText.ToString();
            Assert.Contains(NullableWarningsOff, text);
            var tree = source.SyntaxTree.WithChangedText(SourceText.From(text.Replace(NullableWarningsOff, "#nullable enable warnings"), Encoding.UTF8));
            output = output.ReplaceSyntaxTree(source.SyntaxTree, tree);
            generated.Add(tree);
        }

        return BuildBreakingDiagnostics(output, generated);
    }

    private const string NullableWarningsOff = "#nullable disable warnings";

    /// <summary>The diagnostics that would fail a warnings-as-errors build: all of them in generated files, errors elsewhere.</summary>
    public static IReadOnlyList<Diagnostic> BuildBreakingDiagnostics(Compilation output, GeneratorRunResult result) =>
        BuildBreakingDiagnostics(output, result.GeneratedSources.Select(source => source.SyntaxTree).ToHashSet());

    private static IReadOnlyList<Diagnostic> BuildBreakingDiagnostics(Compilation output, HashSet<SyntaxTree> generated)
    {
        return output.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error || diagnostic.IsWarningAsError)
            .Where(diagnostic => generated.Contains(diagnostic.Location.SourceTree!) || diagnostic.Id != "CS1591")
            .ToList();
    }
}

/// <summary>One generator run: the driver (for a later incremental run), the updated compilation and the result.</summary>
internal sealed record GeneratorRun(GeneratorDriver Driver, Compilation Output, GeneratorRunResult Result)
{
    public string Source(string hintName) =>
        Result.GeneratedSources.Single(source => source.HintName == hintName).SourceText.ToString();
}
