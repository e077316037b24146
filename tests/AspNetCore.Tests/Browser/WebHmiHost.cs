using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Switchboard.AspNetCore.Tests.Browser;

/// <summary>The WebHmi sample, started as its own process on a free loopback port, with fast timers.</summary>
public sealed class WebHmiHost : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private WebHmiHost(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<WebHmiHost> StartAsync()
    {
        var dll = typeof(WebHmiHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "WebHmiSample").Value!;
        var projectDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(dll)!, "..", "..", ".."));
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                dll, "--urls", address.ToString().TrimEnd('/'), "--environment", "Development", "--contentRoot", projectDirectory,
                "--WebHmi:TankInterval=00:00:00.500", "--WebHmi:ShiftNoteInterval=00:00:01",
                "--Circuits:DisconnectedCircuitRetentionPeriod=00:00:02",
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new WebHmiHost(process, address);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilListeningAsync();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Address };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"WebHmi exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync("/login");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"WebHmi did not answer within 90 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
