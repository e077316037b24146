using Microsoft.Extensions.Hosting;

namespace Switchboard;

/// <summary>Creates the gateway when the host starts and drains it when the host stops.</summary>
internal sealed class SwitchboardHostedService(Gateway gateway) : IHostedService
{
    // Resolving the gateway (the constructor parameter) is what starts it.
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => gateway.DisposeAsync().AsTask().WaitAsync(cancellationToken);
}
