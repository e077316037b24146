using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Switchboard.Benchmarks.Contenders;

/// <summary>Builds each contender the way its documentation recommends for speed.</summary>
public static class Hosts
{
    /// <summary>Mediator with singleton handlers (its fastest lifetime), as the concrete generated <c>Mediator</c>.</summary>
    public static (ServiceProvider Services, Mediator.Mediator Mediator) CreateMediator()
    {
        var services = new ServiceCollection();
        services.AddMediator(options => options.ServiceLifetime = ServiceLifetime.Singleton);
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<Mediator.Mediator>());
    }

    /// <summary>A hosted Wolverine as a mediator only (no persistence, no transports), finding the benchmark's handler by its name.</summary>
    public static async Task<IHost> StartWolverineAsync()
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .UseWolverine(options =>
            {
                options.Durability.Mode = DurabilityMode.MediatorOnly;
                options.UseRuntimeCompilation();

                // The benchmark host's entry assembly is BenchmarkDotNet's, so name the one that holds the handler.
                options.ApplicationAssembly = typeof(WolverinePingHandler).Assembly;
            })
            .Build();
        await host.StartAsync().ConfigureAwait(false);
        return host;
    }
}
