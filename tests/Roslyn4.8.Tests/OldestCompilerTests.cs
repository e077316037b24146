using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Switchboard.Roslyn48.Tests;

/// <summary>
/// The package's analyzers/dotnet/roslyn4.8/cs build, run by Roslyn 4.8 exactly as the .NET 8.0.1xx compiler runs
/// it: assemblies loaded by path, generators and analyzers found by their attributes, C# 12 at most.
/// </summary>
public sealed class OldestCompilerTests
{
    private static readonly CSharpParseOptions CSharp12 = new(LanguageVersion.CSharp12);

    private const string Sample = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Sample;
        using Switchboard;

        [assembly: MessagingProject("Plant")]

        namespace App;

        public sealed record Reading(string Line, double Value);

        public static class Handlers
        {
            [MessageHandler("reading", Scope.Gateway | Scope.Session)]
            public static void OnReading(Reading reading) { }

            [MessageHandler("add")]
            public static int Add(Reading reading) => (int)reading.Value;
        }

        public static class Senders
        {
            public static async Task Send(IMessageSender sender)
            {
                await sender.SendReadingAsync(new Reading("L1", 2));
                int sum = await sender.RequestAddAsync(new Reading("L1", 3));
                sender.SendMessage("Plant", "reding", null, scope: "G");
                sender.SendMessage("Plant", "reading", null, scope: "X");
                await sender.SendAlarmAsync(new Dictionary<string, object?> { ["code"] = 7 }, remoteServers: new[] { "remote-gw" });
                sender.SendMessage("Remote", "alrm", null, scope: "G", remoteServers: new[] { "remote-gw" });
            }
        }
        """;

    private const string RemoteManifest = """
        { "switchboardManifest": 1, "projects": [ { "name": "Remote", "handlers": [
          { "name": "alarm", "scopes": ["Gateway"], "answersRequests": false,
            "payload": { "type": "global::Remote.Alarm", "metadataName": "Remote.Alarm", "properties": [ { "name": "Code", "type": "int", "required": true } ] },
            "response": null } ] } ] }
        """;

    // One sample compilation for every test: its references are the expensive part.
    private static readonly Lazy<CSharpCompilation> SampleCompilation = new(Compilation);

    [Fact]
    public void The_tests_run_on_Roslyn_4_8()
    {
        Assert.Equal(new Version(4, 8, 0, 0), typeof(CSharpCompilation).Assembly.GetName().Version);
    }

    [Theory]
    [InlineData("Switchboard.Generators.dll")]
    [InlineData("Switchboard.Analyzers.dll")]
    [InlineData("Switchboard.Analyzers.CodeFixes.dll")]
    public void Each_assembly_is_built_against_Roslyn_4_8(string file)
    {
        var references = Load(file).GetReferencedAssemblies().Where(name => name.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, reference => Assert.Equal(new Version(4, 8, 0, 0), reference.Version));
    }

    /// <summary>Every generator the 4.8 build ships (handler stubs and component-message stubs), as a compiler runs them.</summary>
    private static ISourceGenerator[] Generators()
    {
        var generators = Instances<IIncrementalGenerator>("Switchboard.Generators.dll", typeof(GeneratorAttribute));
        Assert.Contains(generators, generator => generator.GetType().Name == "MessageHandlerGenerator");
        return generators.Select(generator => generator.AsSourceGenerator()).ToArray();
    }

    [Fact]
    public void The_generator_emits_stubs_that_compile_as_CSharp_12()
    {
        var generators = Generators();
        var driver = CSharpGeneratorDriver.Create(generators, [Manifest()], CSharp12);

        driver.RunGeneratorsAndUpdateCompilation(SampleCompilation.Value, out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        Assert.Contains(output.SyntaxTrees, tree => tree.FilePath.EndsWith("PlantMessages.Stubs.g.cs", StringComparison.Ordinal));
        Assert.Contains(output.SyntaxTrees, tree => tree.FilePath.EndsWith("Switchboard.Manifest.g.cs", StringComparison.Ordinal));
        Assert.Contains(output.SyntaxTrees, tree => tree.FilePath.EndsWith("RemoteMessages.Stubs.g.cs", StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public async Task The_analyzers_report_the_unknown_handler_and_the_bad_scope()
    {
        var analyzers = Instances<DiagnosticAnalyzer>("Switchboard.Analyzers.dll", typeof(DiagnosticAnalyzerAttribute));
        Assert.True(analyzers.Count > 10, $"only {analyzers.Count} analyzers were found");
        CSharpGeneratorDriver.Create(Generators(), [Manifest()], CSharp12)
            .RunGeneratorsAndUpdateCompilation(SampleCompilation.Value, out var output, out _);

        var options = new AnalyzerOptions([Manifest()]);
        var diagnostics = await output.WithAnalyzers([.. analyzers], options).GetAnalyzerDiagnosticsAsync();

        var found = diagnostics.Select(diagnostic => (diagnostic.Id, Text: diagnostic.Location.SourceTree!.ToString()[diagnostic.Location.SourceSpan.Start..diagnostic.Location.SourceSpan.End])).ToList();
        Assert.Contains(("SWB0001", "\"reding\""), found);
        Assert.Contains(("SWB0003", "\"X\""), found);
        Assert.Contains(("SWB0001", "\"alrm\""), found);
        Assert.Equal(3, found.Count);
    }

    [Fact]
    public void The_code_fixes_load_and_fix_what_the_analyzers_report()
    {
        var fixes = Instances<CodeFixProvider>("Switchboard.Analyzers.CodeFixes.dll", typeof(ExportCodeFixProviderAttribute));

        var fixable = fixes.SelectMany(fix => fix.FixableDiagnosticIds).ToHashSet();
        Assert.Contains("SWB0001", fixable);
        Assert.Contains("SWB0003", fixable);
    }

    private static CSharpCompilation Compilation()
    {
        // The running .NET's own assemblies and the Switchboard runtime beside the tests, as a project would reference them.
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll" or "Switchboard.dll"
                || Path.GetFileName(path).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))
            .Select(path => MetadataReference.CreateFromFile(path));
        return CSharpCompilation.Create(
            "Sample",
            [CSharpSyntaxTree.ParseText(Sample, CSharp12, path: "Sample.cs")],
            platform,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    private static AdditionalText Manifest() => new ManifestText();

    private static Assembly Load(string file) => Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, file));

    /// <summary>What a compiler instantiates from an analyzer assembly: each concrete type carrying the attribute.</summary>
    private static IReadOnlyList<T> Instances<T>(string file, Type attribute) =>
        Load(file).GetTypes()
            .Where(type => !type.IsAbstract && typeof(T).IsAssignableFrom(type) && type.IsDefined(attribute, inherit: false))
            .Select(type => (T)Activator.CreateInstance(type, nonPublic: true)!)
            .ToList();

    private sealed class ManifestText : AdditionalText
    {
        public override string Path => "/remote/Remote.switchboard.json";

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(RemoteManifest);
    }
}
