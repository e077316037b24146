using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Benchmarks.Network;

/// <summary>A throw-away <c>redis-server</c> on a free loopback port, without persistence, for one benchmark process.</summary>
public sealed class RedisServer : IDisposable
{
    private readonly Process process;

    private RedisServer(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for it.</summary>
    public string Configuration => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)},abortConnect=false";

    /// <summary>Starts a server and waits until it answers.</summary>
    /// <exception cref="InvalidOperationException">redis-server is not installed or did not start within 10 s.</exception>
    public static RedisServer Start()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("redis-server is not installed; install it (apt-get install redis-server) to run the network suite.", exception);
        }

        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, port);
        server.WaitUntilListening();
        return server;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntilListening()
    {
        var deadline = Environment.TickCount64 + 10_000;
        while (Environment.TickCount64 < deadline)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException($"redis-server did not listen on port {Port} within 10 s.");
    }
}
