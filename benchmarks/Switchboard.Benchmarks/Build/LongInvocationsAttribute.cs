using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Switchboard.Benchmarks.Build;

/// <summary>
/// For benchmarks whose one invocation takes seconds: whatever job the command line chose (<c>--job short</c>,
/// <c>--job Dry</c>, counts of its own), each iteration is one invocation, with no pilot stage to size it and no
/// overhead stage to subtract (<see cref="RunStrategy.Monitoring"/>). The job keeps its warm-up and iteration counts.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongInvocationsAttribute : JobMutatorConfigBaseAttribute
{
    /// <summary>Creates the attribute.</summary>
    public LongInvocationsAttribute()
        : base(Job.Default.WithStrategy(RunStrategy.Monitoring).WithInvocationCount(1).WithUnrollFactor(1))
    {
    }
}
