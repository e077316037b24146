using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Switchboard.Generators;

namespace Switchboard.Benchmarks.Build;

/// <summary>
/// Suite 5b: the source generator's own time over a 1,000-handler project, driven by Roslyn's
/// <see cref="CSharpGeneratorDriver"/> as the compiler drives it: a full run on a fresh compilation, and a re-run
/// after an edit to a file no handler depends on (which must regenerate nothing: checked in the setup).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private ImmutableArray<SyntaxTree> trees;
    private Compilation edited = null!;
    private GeneratorDriver afterFullRun = null!;

    [Params(HandlerProjectSource.DefaultHandlerCount)]
    public int Handlers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        trees = [.. HandlerProjectSource.Files(Handlers).Select(file => CSharpSyntaxTree.ParseText(file.Text, ProjectCompiler.ParseOptions, file.Name))];

        var compilation = NewCompilation();
        afterFullRun = NewDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var errors = diagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var generated = afterFullRun.GetRunResult().GeneratedTrees.Length;
        if (errors.Count > 0 || generated == 0)
        {
            throw new InvalidOperationException(
                $"The {Handlers}-handler project did not generate and compile cleanly ({generated} files): " + string.Join(Environment.NewLine, errors.Take(10)));
        }

        var unrelated = trees.Single(tree => tree.FilePath == "Unrelated.cs");
        edited = compilation.ReplaceSyntaxTree(unrelated, CSharpSyntaxTree.ParseText(HandlerProjectSource.Unrelated(1), ProjectCompiler.ParseOptions, "Unrelated.cs"));
        EnsureNothingRegenerates(afterFullRun.RunGenerators(edited).GetRunResult());
    }

    [Benchmark(Baseline = true, Description = "full run (fresh compilation)")]
    public GeneratorDriver FullRun() => NewDriver().RunGenerators(NewCompilation());

    [Benchmark(Description = "re-run after an unrelated edit")]
    public GeneratorDriver UnrelatedEdit() => afterFullRun.RunGenerators(edited);

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(
            [new MessageHandlerGenerator().AsSourceGenerator()],
            parseOptions: ProjectCompiler.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private Compilation NewCompilation() =>
        CSharpCompilation.Create("Generated", trees, ProjectCompiler.References, ProjectCompiler.CompilationOptions);

    /// <summary>Throws unless every output step of the re-run was cached or unchanged: an unrelated edit regenerates nothing.</summary>
    private static void EnsureNothingRegenerates(GeneratorDriverRunResult result)
    {
        var changed = result.Results
            .SelectMany(run => run.TrackedOutputSteps.Concat(run.TrackedSteps))
            .SelectMany(step => step.Value.SelectMany(run => run.Outputs).Select(output => (step.Key, output.Reason)))
            .Where(pair => pair.Key != StepNames.Assembly && pair.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .ToList();
        var regenerated = result.Results.SelectMany(run => run.TrackedOutputSteps)
            .SelectMany(step => step.Value.SelectMany(run => run.Outputs))
            .Count(output => output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        if (regenerated > 0)
        {
            throw new InvalidOperationException(
                $"An unrelated edit regenerated {regenerated} output(s); steps that changed: " + string.Join(", ", changed.Select(c => $"{c.Key}={c.Reason}")));
        }
    }
}
