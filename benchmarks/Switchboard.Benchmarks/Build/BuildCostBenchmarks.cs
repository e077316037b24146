using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace Switchboard.Benchmarks.Build;

/// <summary>
/// What the analyzers and the generator cost against compile-and-emit, in one run: a project of 1,000 handlers and
/// 1,000 sends (<see cref="HandlerProjectSource.FilesWithSends"/>) parsed, compiled and emitted in memory as
/// <c>csc</c> does (<see cref="ProjectCompiler"/>), five ways. The baseline is the build a package user gets, minus
/// MSBuild and the SDK's own analyzers: the generator and the Switchboard analyzers. Every invocation starts from the
/// source texts and throws if its build fails, if the generator reports an error, or if an analyzer throws or reports
/// a Switchboard diagnostic on this correct project. Beside the wall time, each row reports its median CPU time
/// (<see cref="CpuTimeColumn"/>, in process only).
/// </summary>
/// <remarks>
/// Each invocation takes seconds, so every job runs one per iteration (<see cref="LongInvocationsAttribute"/>) and the
/// command line names the counts: <c>--filter '*BuildCost*' --inProcess --warmupCount 5 --iterationCount 30</c> for the
/// figures in docs/benchmarks.md, <c>--job short</c> for a quicker look.
/// </remarks>
[MemoryDiagnoser]
[LongInvocations]
[CpuTimeColumns]
public class BuildCostBenchmarks
{
    private const int WarmUpPasses = 3;
    private static bool warmedUp;

    private (string Name, SourceText Text)[] project = [];
    private (string Name, SourceText Text)[] projectAndOutput = [];

    /// <summary>Handlers, and as many sends.</summary>
    [Params(HandlerProjectSource.DefaultHandlerCount)]
    public int Handlers { get; set; }

    /// <summary>
    /// The texts (UTF-8, as csc reads files: the PDB needs an encoding) and the generator's output as plain files for
    /// row 2, after checking that the generator wrote it; then, once per process, <see cref="WarmUpOnce"/>.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        project = [.. HandlerProjectSource.FilesWithSends(Handlers).Select(file => (file.Name, SourceText.From(file.Text, Encoding.UTF8)))];
        BuildSteps.Generate(ProjectCompiler.Compile(project), out var result);
        BuildCostChecks.GeneratedWhatIsExpected(result, Handlers);
        projectAndOutput = [.. project, .. result.Results.SelectMany(run => run.GeneratedSources).Select(source => (source.HintName, source.SourceText))];
        WarmUpOnce();
    }

    /// <summary>
    /// Also checks that the analyzers are all there and see the project, and prints the time spent in their own
    /// callbacks in three runs (summed over threads, as <c>-p:ReportAnalyzer=true</c> reports it).
    /// </summary>
    [GlobalSetup(Target = nameof(WithAnalyzers))]
    public void SetupWithAnalyzers()
    {
        Setup();
        BuildCostChecks.AnalyzersSeeTheProject(project);
        var seconds = new List<string>();
        for (var run = 0; run < 3; run++)
        {
            var analysis = BuildSteps.AnalyzeWithTimes(BuildSteps.Generate(ProjectCompiler.Compile(project)), SwitchboardComponents.Analyzers());
            BuildSteps.EnsureNoSwitchboardDiagnostics(analysis.GetAllDiagnostics());
            var own = analysis.AnalyzerTelemetryInfo.Values.Aggregate(TimeSpan.Zero, (sum, info) => sum + info.ExecutionTime);
            seconds.Add(own.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture));
        }

        Console.WriteLine($"// Setup: {SwitchboardComponents.Analyzers().Length} Switchboard analyzers, no SWB diagnostic; their own callbacks took {string.Join(", ", seconds)} s in three runs (summed over threads).");
    }

    /// <summary>Also checks that the do-nothing analyzer is run at all.</summary>
    [GlobalSetup(Target = nameof(WithDoNothingAnalyzer))]
    public void SetupWithDoNothingAnalyzer()
    {
        Setup();
        var before = DoNothingAnalyzer.Callbacks;
        BuildSteps.Analyze(BuildSteps.Generate(ProjectCompiler.Compile(project)), [new DoNothingAnalyzer()]);
        if (DoNothingAnalyzer.Callbacks == before)
        {
            throw new InvalidOperationException("The do-nothing analyzer was never called back: the driver skipped it, so its row would measure nothing.");
        }
    }

    /// <summary>
    /// Runs every row a few times before the first one is measured. In this process Roslyn is JIT-compiled (the
    /// NuGet package is not ReadyToRun like the SDK's compiler), and its hot methods reach their optimized tier only
    /// after many calls: unwarmed, the first row measured took several times its steady time in its first iterations,
    /// and the rows after it did not. The job's own warm-up iterations then settle each row.
    /// </summary>
    private void WarmUpOnce()
    {
        if (warmedUp)
        {
            return;
        }

        CpuTime.Recording = false;
        for (var pass = 0; pass < WarmUpPasses; pass++)
        {
            ProjectAlone();
            OutputAsPlainFiles();
            WithGenerator();
            WithAnalyzers();
            WithDoNothingAnalyzer();
        }

        CpuTime.Recording = true;
        warmedUp = true;
    }

    /// <summary>Row 1: the project alone; its sends are string-based, so it compiles without the generator.</summary>
    [Benchmark(Description = "1. project alone, no generator")]
    public EmitResult ProjectAlone() => CpuTime.Measure(nameof(ProjectAlone), () => ProjectCompiler.Emit(ProjectCompiler.Compile(project)));

    /// <summary>Row 2: the project and the generator's output as ordinary files, the generator off: the cost of that code.</summary>
    [Benchmark(Description = "2. + generator's output as plain files")]
    public EmitResult OutputAsPlainFiles() => CpuTime.Measure(nameof(OutputAsPlainFiles), () => ProjectCompiler.Emit(ProjectCompiler.Compile(projectAndOutput)));

    /// <summary>Row 3: the project with the generator; minus row 2, the generator's own cost.</summary>
    [Benchmark(Description = "3. + generator")]
    public EmitResult WithGenerator() => CpuTime.Measure(nameof(WithGenerator), () => ProjectCompiler.Emit(BuildSteps.Generate(ProjectCompiler.Compile(project))));

    /// <summary>Row 4, the baseline: the generator and the Switchboard analyzers, their diagnostics, then emit.</summary>
    [Benchmark(Baseline = true, Description = "4. + generator + Switchboard analyzers")]
    public EmitResult WithAnalyzers() => CpuTime.Measure(nameof(WithAnalyzers), () =>
    {
        var generated = BuildSteps.Generate(ProjectCompiler.Compile(project));
        BuildSteps.EnsureNoSwitchboardDiagnostics(BuildSteps.Analyze(generated, SwitchboardComponents.Analyzers()));
        return ProjectCompiler.Emit(generated);
    });

    /// <summary>
    /// Row 5: as row 4 with an analyzer that asks for the same callbacks and does nothing in them: what running any
    /// analyzer this way costs, so that row 4 minus row 5 is the rules' own work. Most of it is a second compile:
    /// <see cref="Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzers"/> binds the whole compilation once more
    /// (<c>GetDiagnostics</c> on a copy) to feed the analyzers its events, where <c>csc</c> feeds them from the compile
    /// that emits.
    /// </summary>
    [Benchmark(Description = "5. + generator + do-nothing analyzer")]
    public EmitResult WithDoNothingAnalyzer() => CpuTime.Measure(nameof(WithDoNothingAnalyzer), () =>
    {
        var generated = BuildSteps.Generate(ProjectCompiler.Compile(project));
        BuildSteps.Analyze(generated, [new DoNothingAnalyzer()]);
        return ProjectCompiler.Emit(generated);
    });
}
