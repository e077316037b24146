using System.Diagnostics;
using Switchboard.Network.Tests.Support;
using Xunit.Abstractions;

namespace Switchboard.Network.Tests;

/// <summary>Runs alone, so that no other test's allocations or threads count in what it measures.</summary>
[CollectionDefinition(nameof(RedisRestartCycleTests), DisableParallelization = true)]
public sealed class RedisRestartCycleCollection;

/// <summary>Redis restarted again and again: everything recovers every time, and nothing piles up.</summary>
[Collection(nameof(RedisRestartCycleTests))]
public sealed class RedisRestartCycleTests(ITestOutputHelper output) : RedisFaultFixture
{
    [Fact]
    public async Task RepeatedRedisRestartsLeakNoThreadsOrMemory()
    {
        // 100 restarts take about 30 s here; SWITCHBOARD_REDIS_RESTART_CYCLES changes the count.
        var cycles = int.TryParse(Environment.GetEnvironmentVariable("SWITCHBOARD_REDIS_RESTART_CYCLES"), out var configured) ? configured : 100;
        var (_, agent8088, _) = await GatewayAsync("agent-8088");
        await GatewayAsync("agent-9000");
        var (client, clientLog) = await RemoteClientAsync("agent-9000");

        // Warm up first, so that lazily made pools and caches count in the baseline.
        for (var i = 0; i < 3; i++)
        {
            await RestartAndRecoverAsync(agent8088, client, clientLog);
        }

        var (threadsBefore, bytesBefore) = Measure();
        var timer = Stopwatch.StartNew();
        for (var i = 0; i < cycles; i++)
        {
            await RestartAndRecoverAsync(agent8088, client, clientLog);
        }

        var (threadsAfter, bytesAfter) = Measure();
        output.WriteLine(
            $"{cycles} restarts in {timer.ElapsedMilliseconds} ms ({timer.ElapsedMilliseconds / Math.Max(1, cycles)} ms each); " +
            $"threads {threadsBefore} -> {threadsAfter}; managed heap {bytesBefore / 1024} KiB -> {bytesAfter / 1024} KiB");
        Assert.True(threadsAfter <= threadsBefore + 8, $"threads grew from {threadsBefore} to {threadsAfter} over {cycles} restarts");
        Assert.True(bytesAfter <= bytesBefore + 4 * 1024 * 1024, $"the managed heap grew from {bytesBefore} to {bytesAfter} bytes over {cycles} restarts");
    }
}
