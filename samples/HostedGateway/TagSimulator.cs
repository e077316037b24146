using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard;

namespace HostedGateway;

/// <summary>Raises alarms through the injected <see cref="IMessageSender"/>, as tag change scripts would, then stops the host.</summary>
internal sealed class TagSimulator(Gateway gateway, IMessageSender sender, IHostApplicationLifetime lifetime, ILogger<TagSimulator> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var operatorSession = gateway.OpenSession(new SessionIdentity { Project = "Plant", User = "Bob", Roles = ["Operator"] });

        foreach (var (tag, value) in new[] { ("Tank1/Level", 97.5), ("Pump3/Temp", 81.0), ("Line2/Speed", 0.0) })
        {
            var report = await sender.SendAlarmAsync(new Alarm(tag, value), cancellationToken: stoppingToken);
            foreach (var result in report)
            {
                Console.WriteLine(result);
            }
        }

        var active = await sender.RequestActiveAlarmsAsync(cancellationToken: stoppingToken);
        log.LogInformation("sendRequest activeAlarms = {Active}", active);
        lifetime.StopApplication();
    }
}
