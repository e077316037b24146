using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Switchboard.Benchmarks.Support;

/// <summary>
/// The mean of a case divided by the mean of the same benchmark at the smallest value of the parameter
/// <see cref="ParameterName"/>: how much a benchmark grows with that parameter (1.00 means it does not).
/// </summary>
public sealed class RatioToSmallestColumn(string parameterName) : IColumn
{
    /// <summary>The parameter the ratio runs over.</summary>
    public string ParameterName { get; } = parameterName;

    /// <inheritdoc />
    public string Id => nameof(RatioToSmallestColumn) + "." + ParameterName;

    /// <inheritdoc />
    public string ColumnName => $"vs smallest {ParameterName}";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => $"Mean divided by the mean of the same benchmark at the smallest {ParameterName}";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (ValueOf(benchmarkCase) is not { } value)
        {
            return "-";
        }

        var smallest = summary.BenchmarksCases
            .Where(other => other.Descriptor == benchmarkCase.Descriptor && other.Job == benchmarkCase.Job && ValueOf(other) is not null)
            .MinBy(other => ValueOf(other)!.Value);
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        var smallestMean = smallest is null ? null : summary[smallest]?.ResultStatistics?.Mean;
        return mean is { } m && smallestMean is { } s && s > 0 ? (m / s).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "?";
    }

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => ValueOf(c) is not null);

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    private double? ValueOf(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == ParameterName)?.Value is { } value ? Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) : null;
}
