using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Switchboard.Benchmarks.Build;

/// <summary>
/// The median CPU time of a benchmark's measured iterations (<see cref="CpuTime"/>: the job's warm-up iterations
/// skipped, and the extra invocation the memory diagnoser makes after them left out), or that median divided by the
/// baseline's. Shown only when the samples are in this process (<c>--inProcess</c>), and only for benchmarks that
/// record them, each invocation being one iteration (<see cref="LongInvocationsAttribute"/>).
/// </summary>
public sealed class CpuTimeColumn(bool ratio) : IColumn
{
    /// <inheritdoc />
    public string Id => nameof(CpuTimeColumn) + (ratio ? ".Ratio" : ".Median");

    /// <inheritdoc />
    public string ColumnName => ratio ? "CPU Ratio" : "CPU Median";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => ratio ? 1 : 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => ratio
        ? "CPU Median divided by the baseline's"
        : "Median CPU time (user + system, all threads of the process) of the measured iterations, in ms";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (Median(benchmarkCase) is not { } median)
        {
            return "-";
        }

        if (!ratio)
        {
            return median.ToString("N0", CultureInfo.InvariantCulture) + " ms";
        }

        var baseline = summary.BenchmarksCases.FirstOrDefault(other => other.Descriptor.Baseline && other.Job == benchmarkCase.Job);
        return baseline is not null && Median(baseline) is { } reference && reference > 0
            ? (median / reference).ToString("0.00", CultureInfo.InvariantCulture)
            : "?";
    }

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => Median(c) is not null);

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    private static double? Median(BenchmarkCase benchmarkCase)
    {
        var samples = CpuTime.Of(benchmarkCase.Descriptor.WorkloadMethod.Name);
        var run = benchmarkCase.Job.Run;
        var warmups = run.HasValue(BenchmarkDotNet.Jobs.RunMode.WarmupCountCharacteristic) ? Math.Max(run.WarmupCount, 0) : 0;
        var measured = samples.Skip(warmups);
        if (run.HasValue(BenchmarkDotNet.Jobs.RunMode.IterationCountCharacteristic) && run.IterationCount > 0)
        {
            measured = measured.Take(run.IterationCount);
        }

        var sorted = measured.Order().ToArray();
        return sorted.Length == 0 ? null : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>Adds the two <see cref="CpuTimeColumn"/>s (median and ratio to the baseline) to a benchmark class.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CpuTimeColumnsAttribute : ColumnConfigBaseAttribute
{
    /// <summary>Creates the attribute.</summary>
    public CpuTimeColumnsAttribute()
        : base(new CpuTimeColumn(ratio: false), new CpuTimeColumn(ratio: true))
    {
    }
}
