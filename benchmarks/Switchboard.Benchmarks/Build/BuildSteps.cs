using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Switchboard.Benchmarks.Build;

/// <summary>
/// The two steps a build adds to compile-and-emit (<see cref="ProjectCompiler"/>): running the generators, and running
/// analyzers the way <c>csc</c> reports them, through <see cref="CompilationWithAnalyzers"/>. Each throws when its step
/// went wrong, so that no measured invocation times a broken build.
/// </summary>
public static class BuildSteps
{
    /// <summary>Runs Switchboard's generators over <paramref name="compilation"/> and returns it with their output.</summary>
    public static Compilation Generate(Compilation compilation) => Generate(compilation, out _);

    /// <inheritdoc cref="Generate(Compilation)" />
    /// <param name="compilation">The project.</param>
    /// <param name="result">What the generators produced.</param>
    public static Compilation Generate(Compilation compilation, out GeneratorDriverRunResult result)
    {
        var driver = SwitchboardComponents.NewDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("The generator reported errors: " + string.Join(Environment.NewLine, diagnostics.Take(10)));
        }

        result = driver.GetRunResult();
        return output;
    }

    /// <summary>
    /// Runs <paramref name="analyzers"/> over the whole of <paramref name="compilation"/> and returns their diagnostics;
    /// throws if an analyzer threw.
    /// </summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var (analysis, exceptions) = WithAnalyzers(compilation, analyzers, logExecutionTime: false);
        var diagnostics = analysis.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        EnsureNoneThrew(exceptions);
        return diagnostics;
    }

    /// <summary>As <see cref="Analyze"/>, with each analyzer's own time (what <c>-p:ReportAnalyzer=true</c> reports).</summary>
    public static AnalysisResult AnalyzeWithTimes(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var (analysis, exceptions) = WithAnalyzers(compilation, analyzers, logExecutionTime: true);
        var result = analysis.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
        EnsureNoneThrew(exceptions);
        return result;
    }

    /// <summary>Throws if <paramref name="diagnostics"/> has a Switchboard diagnostic: on a correct project, a false positive.</summary>
    public static void EnsureNoSwitchboardDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        var reported = diagnostics.Where(d => d.Id.StartsWith("SWB", StringComparison.Ordinal)).ToList();
        if (reported.Count > 0)
        {
            throw new InvalidOperationException(
                $"The correct project got {reported.Count} Switchboard diagnostic(s), false positives: " + string.Join(Environment.NewLine, reported.Take(10)));
        }
    }

    private static (CompilationWithAnalyzers Analysis, ConcurrentQueue<string> Exceptions) WithAnalyzers(
        Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool logExecutionTime)
    {
        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: logExecutionTime,
            reportSuppressedDiagnostics: false);
        return (new CompilationWithAnalyzers(compilation, analyzers, options), exceptions);
    }

    private static void EnsureNoneThrew(ConcurrentQueue<string> exceptions)
    {
        if (!exceptions.IsEmpty)
        {
            throw new InvalidOperationException("An analyzer threw: " + string.Join(Environment.NewLine, exceptions.Take(5)));
        }
    }
}
