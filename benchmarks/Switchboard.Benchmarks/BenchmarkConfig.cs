using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using Switchboard.Benchmarks.Support;

namespace Switchboard.Benchmarks;

/// <summary>Every suite's tables in GitHub markdown, with allocations, and the extra columns the suites report.</summary>
public sealed class BenchmarkConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public BenchmarkConfig()
    {
        Add(DefaultConfig.Instance);
        AddExporter(MarkdownExporter.GitHub);
        AddColumn(new RatioToSmallestColumn("Sessions"));
    }
}
