using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace Switchboard.Network.Tests.Support;

/// <summary>One process of a sample (GatewayNetwork, QuickStart), with its output kept line by line; killed on dispose if still running.</summary>
public sealed class SampleProcess : IDisposable
{
    private readonly Process process;

    private SampleProcess(Process process) => this.process = process;

    public ConcurrentQueue<string> Output { get; } = new();

    public string Text => string.Join(Environment.NewLine, Output);

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Starts a process of the GatewayNetwork sample.</summary>
    public static SampleProcess Start(params string[] arguments) => StartSample("GatewayNetworkSample", arguments);

    /// <summary>Starts the QuickStart sample, which runs to its end by itself.</summary>
    public static SampleProcess StartQuickStart() => StartSample("QuickStartSample");

    private static SampleProcess StartSample(string key, params string[] arguments)
    {
        var sample = typeof(SampleProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == key).Value!;
        if (!File.Exists(sample))
        {
            throw new FileNotFoundException($"The sample ({key}) is not built at {sample}.", sample);
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(sample);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var started = new SampleProcess(process);
        process.OutputDataReceived += (_, line) => Keep(started, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(started, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    public Task WaitForLineAsync(string fragment, TimeSpan? bound = null) =>
        Wait.UntilAsync(() => Output.Any(line => line.Contains(fragment, StringComparison.Ordinal)), $"the sample printed \"{fragment}\"; it printed:\n{Text}", bound);

    public async Task<int> WaitForExitAsync(TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    /// <summary>Ends the process as a crash would: SIGKILL, no goodbye.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>Freezes the process (SIGSTOP): it keeps its connections but runs nothing, so what it was sent waits unanswered.</summary>
    public void Freeze()
    {
        using var stop = Process.Start("kill", ["-STOP", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        stop.WaitForExit();
        if (stop.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -STOP {process.Id} failed with exit code {stop.ExitCode}.");
        }
    }

    /// <summary>Asks the process to stop, as pressing Enter does.</summary>
    public async Task<int> StopAsync()
    {
        process.StandardInput.Close();
        return await WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }

    private static void Keep(SampleProcess owner, string? line)
    {
        if (line is not null)
        {
            owner.Output.Enqueue(line);
        }
    }
}
