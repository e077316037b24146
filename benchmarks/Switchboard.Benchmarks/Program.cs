using System.Globalization;
using BenchmarkDotNet.Running;
using Switchboard.Benchmarks;
using Switchboard.Benchmarks.Build;

// `write-handler-project DIR [COUNT]` writes the generated handler project that benchmarks/build-time.sh builds;
// anything else goes to BenchmarkDotNet (for example `--filter '*' --job short`).
if (args is ["write-handler-project", var directory, ..])
{
    var count = (int)Number(2, HandlerProjectSource.DefaultHandlerCount);
    HandlerProjectSource.WriteProject(directory, count);
    return 0;
}

// `handoff-probe [MESSAGES]` counts thread-pool work items per message for the rows of suites 1 and 2.
if (args is ["handoff-probe", ..])
{
    await Switchboard.Benchmarks.Support.HandoffProbe.RunAsync((int)Number(1, 100_000));
    return 0;
}

// `remote-handoff-probe [BATCHES]` counts thread-pool work items and CPU time per message for the network rows of suite 4.
if (args is ["remote-handoff-probe", ..])
{
    await Switchboard.Benchmarks.Network.RemoteHandoffProbe.RunAsync((int)Number(1, 20));
    return 0;
}

// `send-alone-loop [SECONDS]` runs row 1a's pool-busy send in a loop, to be sampled by a profiler (docs/benchmarks.md).
if (args is ["send-alone-loop", ..])
{
    await Switchboard.Benchmarks.Support.SendAloneLoop.RunAsync(Number(1, 10));
    return 0;
}

// `request-loop [SECONDS]` runs row 2's request awaited in a row in a loop, to be sampled by a profiler (docs/benchmarks.md).
if (args is ["request-loop", ..])
{
    await Switchboard.Benchmarks.Support.RequestLoop.RunAsync(Number(1, 10));
    return 0;
}

// `remote-loop [SECONDS] [WARM-UP SECONDS]` runs row 4d's SendMessage loop to a remote server, to be sampled by a
// profiler (scripts/profile-remote-loop.sh, docs/benchmarks.md).
if (args is ["remote-loop", ..])
{
    await Switchboard.Benchmarks.Network.RemoteLoop.RunAsync(Number(1, 10), Number(2, 3));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, new BenchmarkConfig());
return 0;

// The mode's optional number at args[index], or the mode's default.
double Number(int index, double otherwise) => args.Length > index ? double.Parse(args[index], CultureInfo.InvariantCulture) : otherwise;
