using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Switchboard.Benchmarks.Support;

/// <summary>
/// A percentile of the measured iterations (BenchmarkDotNet's built-in columns stop at P95). With one invocation per
/// iteration, as the latency benchmarks use, it is the percentile of single operations.
/// </summary>
public sealed class PercentileColumn(int percentile) : IColumn
{
    /// <inheritdoc />
    public string Id => nameof(PercentileColumn) + percentile;

    /// <inheritdoc />
    public string ColumnName => "P" + percentile;

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Statistics;

    /// <inheritdoc />
    public int PriorityInCategory => percentile;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Time;

    /// <inheritdoc />
    public string Legend => $"{percentile}th percentile of the measured iterations";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        return statistics is null ? "NA" : Format(statistics.Percentiles.Percentile(percentile));
    }

    /// <summary>Formats nanoseconds in the largest unit that keeps the number at or above one.</summary>
    private static string Format(double nanoseconds)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return nanoseconds switch
        {
            >= 1e6 => (nanoseconds / 1e6).ToString("N2", culture) + " ms",
            >= 1e3 => (nanoseconds / 1e3).ToString("N2", culture) + " μs",
            _ => nanoseconds.ToString("N2", culture) + " ns",
        };
    }

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
