using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Switchboard.Network;
using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>AddHealthChecks().AddSwitchboard(): the gateway, its network and its queue, as the health check service reports them.</summary>
public sealed class HealthTests
{
    private static IHost BuildHost(Action<IServiceCollection> services)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Switchboard:Name"] = "agent-8088" });
        services(builder.Services);
        builder.Services.AddHealthChecks().AddSwitchboard();
        return builder.Build();
    }

    private static Task<HealthReport> CheckAsync(IHost host) => host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

    [Fact]
    public async Task A_running_gateway_without_a_network_is_healthy_on_all_three_checks()
    {
        using var host = BuildHost(services => services.AddSwitchboard());
        await host.StartAsync();

        var report = await CheckAsync(host);

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(["switchboard-gateway", "switchboard-network", "switchboard-queue"], report.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.All(report.Entries.Values, entry => Assert.Contains(SwitchboardHealthChecksBuilderExtensions.Tag, entry.Tags));
        Assert.Equal("agent-8088", report.Entries["switchboard-gateway"].Data["gateway"]);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_closed_gateway_is_unhealthy()
    {
        using var host = BuildHost(services => services.AddSwitchboard());
        await host.StartAsync();
        await host.Services.GetRequiredService<Gateway>().DisposeAsync();

        var report = await CheckAsync(host);

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["switchboard-gateway"].Status);
        Assert.Contains("closed", report.Entries["switchboard-gateway"].Description);
    }

    [Fact]
    public async Task The_queue_check_is_degraded_near_the_bound_and_unhealthy_when_full()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var host = BuildHost(services => services
            .AddSwitchboard(options =>
            {
                options.SharedPoolSize = 1;
                options.SharedQueueCapacity = 5;
            })
            .AddProject(Handlers.Registry("X", Handlers.Async("X", "block", Scope.Gateway, async (_, _, _) =>
            {
                started.TrySetResult();
                await release.Task;
                return null;
            }))));
        await host.StartAsync();
        var gateway = host.Services.GetRequiredService<Gateway>();

        // The one worker takes the first message and blocks; the next ones wait in the queue.
        await gateway.SendAsync("X", "block", scope: Scope.Gateway);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(host)).Entries["switchboard-queue"].Status);

        for (var i = 0; i < 4; i++)
        {
            await gateway.SendAsync("X", "block", scope: Scope.Gateway);
        }

        var degraded = (await CheckAsync(host)).Entries["switchboard-queue"];
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Equal(4, degraded.Data["depth"]);
        Assert.Equal(5, degraded.Data["capacity"]);

        await gateway.SendAsync("X", "block", scope: Scope.Gateway);
        var full = (await CheckAsync(host)).Entries["switchboard-queue"];
        Assert.Equal(HealthStatus.Unhealthy, full.Status);
        Assert.Contains("QUEUE_FULL", full.Description);

        release.SetResult();
        await host.StopAsync();
    }

    [Fact]
    public async Task The_network_check_follows_the_registered_network_connection()
    {
        var memory = new InMemoryNetwork();
        var network = new GatewayNetwork(memory.Connect(), new GatewayNetworkOptions { NetworkName = "plant-a" });
        using var host = BuildHost(services =>
        {
            services.AddSwitchboard();
            services.AddSingleton(network);
        });
        await host.StartAsync();
        await network.JoinAsync(host.Services.GetRequiredService<Gateway>());

        var connected = (await CheckAsync(host)).Entries["switchboard-network"];
        Assert.Equal(HealthStatus.Healthy, connected.Status);
        Assert.Equal("plant-a", connected.Data["network"]);

        await network.DisposeAsync();
        var lost = (await CheckAsync(host)).Entries["switchboard-network"];
        Assert.Equal(HealthStatus.Unhealthy, lost.Status);
        Assert.Contains("plant-a", lost.Description);
        await host.StopAsync();
    }

    [Fact]
    public void A_degraded_ratio_outside_zero_to_one_is_refused()
    {
        var builder = new ServiceCollection().AddHealthChecks();
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddSwitchboard(degradedQueueRatio: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddSwitchboard(degradedQueueRatio: 1.5));
    }
}
