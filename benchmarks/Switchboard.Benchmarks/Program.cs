using BenchmarkDotNet.Running;
using Switchboard.Benchmarks;
using Switchboard.Benchmarks.Build;

// `write-handler-project DIR [COUNT]` writes the generated handler project that benchmarks/build-time.sh builds;
// anything else goes to BenchmarkDotNet (for example `--filter '*' --job short`).
if (args is ["write-handler-project", var directory, ..])
{
    var count = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : HandlerProjectSource.DefaultHandlerCount;
    HandlerProjectSource.WriteProject(directory, count);
    return 0;
}

// `handoff-probe [MESSAGES]` counts thread-pool work items per message for the rows of suites 1 and 2.
if (args is ["handoff-probe", ..])
{
    await Switchboard.Benchmarks.Support.HandoffProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return 0;
}

// `remote-handoff-probe [BATCHES]` counts thread-pool work items and CPU time per message for the network rows of suite 4.
if (args is ["remote-handoff-probe", ..])
{
    await Switchboard.Benchmarks.Network.RemoteHandoffProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return 0;
}

// `send-alone-loop [SECONDS]` runs row 1a's pool-busy send in a loop, to be sampled by a profiler (docs/benchmarks.md).
if (args is ["send-alone-loop", ..])
{
    await Switchboard.Benchmarks.Support.SendAloneLoop.RunAsync(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10);
    return 0;
}

// `request-loop [SECONDS]` runs row 2's request awaited in a row in a loop, to be sampled by a profiler (docs/benchmarks.md).
if (args is ["request-loop", ..])
{
    await Switchboard.Benchmarks.Support.RequestLoop.RunAsync(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10);
    return 0;
}

// `remote-loop [SECONDS] [WARM-UP SECONDS]` runs row 4d's SendMessage loop to a remote server, to be sampled by a
// profiler (scripts/profile-remote-loop.sh, docs/benchmarks.md).
if (args is ["remote-loop", ..])
{
    await Switchboard.Benchmarks.Network.RemoteLoop.RunAsync(
        args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10,
        args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, new BenchmarkConfig());
return 0;
