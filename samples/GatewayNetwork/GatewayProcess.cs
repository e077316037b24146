using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Network;
using Switchboard.Redis;
using Switchboard.Redis.Durable;

namespace Switchboard.Samples.GatewayNetwork;

/// <summary>A gateway process: hosts project X, joins the network under its name, and runs until stopped.</summary>
internal static class GatewayProcess
{
    public static async Task<int> RunAsync(SampleArguments arguments)
    {
        // The handler classes take the process's output through their constructors, so they come from these services.
        await using var services = new ServiceCollection()
            .AddLogging(builder => builder.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(new HandlerOutput(arguments.Name))
            .AddTransient<GatewayScripts>()
            .BuildServiceProvider();
        var logging = services.GetRequiredService<ILoggerFactory>();
        var networkOptions = new GatewayNetworkOptions { NetworkName = arguments.Network, LoggerFactory = logging };
        await using var network = await RedisGatewayNetwork.ConnectAsync(arguments.Redis, networkOptions);
        await using var gateway = new Gateway(arguments.Name, new GatewayOptions { LoggerFactory = logging, Services = services });
        gateway.AddProject(XMessages.Registry);
        await network.JoinAsync(gateway);

        // --durable on: messages sent with SendDurableAsync to this gateway wait for it in Redis, and run once each.
        await using var durable = arguments.Durable
            ? await RedisDurableQueue.ConnectAsync(arguments.Redis, new RedisDurableQueueOptions { NetworkName = arguments.Network, LoggerFactory = logging, RetryDelay = TimeSpan.FromSeconds(1) })
            : null;
        if (durable is not null)
        {
            await durable.AttachAsync(gateway);
        }

        Console.WriteLine($"[{arguments.Name}] ready on network \"{arguments.Network}\" at {arguments.Redis}; press Enter or Ctrl+C to stop.");

        await WaitForStopAsync();
        Console.WriteLine($"[{arguments.Name}] stopping");
        return 0;
    }

    // Enter, end of input, Ctrl+C or SIGTERM: whichever comes first.
    private static async Task WaitForStopAsync()
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Console.CancelKeyPress += (_, cancel) =>
        {
            cancel.Cancel = true;
            stop.TrySetResult();
        };
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.TrySetResult();
        });
        var input = Task.Run(() => Console.In.ReadLine());
        await Task.WhenAny(stop.Task, input);
    }
}
