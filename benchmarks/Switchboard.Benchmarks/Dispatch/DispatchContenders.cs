using CommunityToolkit.Mvvm.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchboard.Benchmarks.Contenders;
using Wolverine;

namespace Switchboard.Benchmarks.Dispatch;

/// <summary>Every contender of the dispatch suite, started once per benchmark process.</summary>
public sealed class DispatchContenders : IAsyncDisposable
{
    private DispatchContenders(Gateway gateway, ServiceProvider mediatorServices, Mediator.Mediator mediator, IHost wolverineHost)
    {
        Gateway = gateway;
        MediatorServices = mediatorServices;
        Mediator = mediator;
        WolverineHost = wolverineHost;
        Bus = wolverineHost.Services.GetRequiredService<IMessageBus>();
        MessengerRecipient.RegisterOn(Messenger);
    }

    /// <summary>A gateway hosting project <c>Bench</c>, with the default shared pool.</summary>
    public Gateway Gateway { get; }

    /// <summary>Mediator's generated concrete mediator.</summary>
    public Mediator.Mediator Mediator { get; }

    /// <summary>A strong-reference messenger with one recipient.</summary>
    public StrongReferenceMessenger Messenger { get; } = new();

    /// <summary>Wolverine's bus.</summary>
    public IMessageBus Bus { get; }

    private ServiceProvider MediatorServices { get; }

    private IHost WolverineHost { get; }

    /// <summary>Starts every contender.</summary>
    /// <param name="sharedQueueCapacity">How many deliveries the gateway's shared queue holds.</param>
    public static async Task<DispatchContenders> StartAsync(int sharedQueueCapacity)
    {
        var gateway = new Gateway("bench-gateway", new GatewayOptions { SharedQueueCapacity = sharedQueueCapacity });
        gateway.AddProject(BenchMessages.Registry);
        var (services, mediator) = Hosts.CreateMediator();
        var wolverine = await Hosts.StartWolverineAsync().ConfigureAwait(false);
        return new DispatchContenders(gateway, services, mediator, wolverine);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync().ConfigureAwait(false);
        await MediatorServices.DisposeAsync().ConfigureAwait(false);
        await WolverineHost.StopAsync().ConfigureAwait(false);
        WolverineHost.Dispose();
    }
}
