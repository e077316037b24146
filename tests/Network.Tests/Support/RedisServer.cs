using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Network.Tests.Support;

/// <summary>
/// A real redis-server for tests: started on a free loopback port with no persistence, stopped and restarted on the
/// same port on demand, killed on dispose.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly string? dataDirectory;
    private Process? process;

    public RedisServer()
        : this(appendOnly: false)
    {
    }

    /// <summary>With <paramref name="appendOnly"/>, the server keeps an AOF (fsync on every write) in its own folder, so a restart keeps its data.</summary>
    public RedisServer(bool appendOnly)
    {
        if (appendOnly)
        {
            dataDirectory = Directory.CreateTempSubdirectory("switchboard-redis-").FullName;
        }

        // A free port can be taken by someone else before redis-server binds it: then try another.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            try
            {
                Start();
                return;
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
                Stop();
            }
        }
    }

    public int Port { get; private set; }

    public string Configuration => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,syncTimeout=2000,asyncTimeout=2000";

    public void Restart()
    {
        Stop();
        Start();
    }

    public void Stop()
    {
        if (process is { } running)
        {
            running.Kill(entireProcessTree: true);
            running.WaitForExit();
            running.Dispose();
            process = null;
        }
    }

    public void Start()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] persistence = dataDirectory is null
            ? ["--appendonly", "no"]
            : ["--appendonly", "yes", "--appendfsync", "always", "--dir", dataDirectory];
        string[] arguments = ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--protected-mode", "yes", .. persistence];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start; is it installed (apt-get install redis-server)?");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        WaitUntilListening();

        // Something answered; make sure it is this process and not another server on the same port.
        Thread.Sleep(50);
        if (process.HasExited)
        {
            throw new InvalidOperationException($"redis-server could not listen on port {Port}.");
        }
    }

    public void Dispose()
    {
        Stop();
        if (dataDirectory is not null)
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                using var stream = client.GetStream();
                stream.Write("PING\r\n"u8);
                var buffer = new byte[16];
                if (stream.Read(buffer) > 0)
                {
                    return;
                }
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && process is { HasExited: false })
            {
                Thread.Sleep(20);
            }
            catch (SocketException exception)
            {
                throw new InvalidOperationException($"redis-server did not start listening on port {Port}: {exception.Message}", exception);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
