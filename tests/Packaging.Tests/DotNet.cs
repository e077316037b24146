using System.Diagnostics;
using System.Text;

namespace Switchboard.Packaging.Tests;

/// <summary>Runs the dotnet CLI as a user would, with a time limit, and keeps everything it printed.</summary>
internal static class DotNet
{
    public sealed record Result(int ExitCode, string Output)
    {
        public override string ToString() => $"exit code {ExitCode}:\n{Output}";
    }

    public static Task<Result> RunAsync(string workingDirectory, params string[] arguments) =>
        Tool.RunAsync("dotnet", workingDirectory, null, arguments);

    public static Task<Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Tool.RunAsync("dotnet", workingDirectory, environment, arguments);

    /// <summary>For a command whose time is known to differ from the usual, such as a native AOT publish.</summary>
    public static Task<Result> RunAsync(string workingDirectory, TimeSpan limit, params string[] arguments) =>
        Tool.RunAsync("dotnet", workingDirectory, null, limit, arguments);
}

/// <summary>Runs a command-line tool (git, or an app a test published) with a time limit and keeps everything it printed.</summary>
internal static class Tool
{
    private static readonly TimeSpan DefaultLimit = TimeSpan.FromMinutes(20);

    public static Task<DotNet.Result> RunAsync(string fileName, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunAsync(fileName, workingDirectory, environment, DefaultLimit, arguments);

    public static async Task<DotNet.Result> RunAsync(string fileName, string workingDirectory, IReadOnlyDictionary<string, string>? environment, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A consumer on a user's machine has no build server shared with this test run, nor its MSBuild settings.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = Pump(process.StandardOutput, output);
        var stderr = Pump(process.StandardError, output);
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {limit.TotalMinutes} minutes:\n{output}");
        }

        await Task.WhenAll(stdout, stderr);
        return new DotNet.Result(process.ExitCode, output.ToString());
    }

    private static async Task Pump(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
