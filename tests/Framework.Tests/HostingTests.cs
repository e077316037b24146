using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>AddSwitchboard: a gateway hosted by the Generic Host, configured from configuration, with DI per message.</summary>
public sealed class HostingTests
{
    private static IHost BuildHost(Dictionary<string, string?> settings, Action<IServiceCollection> services)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        services(builder.Services);
        return builder.Build();
    }

    [Fact]
    public async Task Options_come_from_the_Switchboard_section_and_the_gateway_is_the_injectable_sender()
    {
        using var host = BuildHost(
            new() { ["Switchboard:Name"] = "agent-9000", ["Switchboard:SharedQueueCapacity"] = "123", ["Switchboard:RequestTimeout"] = "00:00:07" },
            services => services.AddSwitchboard());
        await host.StartAsync();

        var gateway = host.Services.GetRequiredService<Gateway>();
        Assert.Equal("agent-9000", gateway.Name);
        Assert.Equal(123, gateway.Options.SharedQueueCapacity);
        Assert.Equal(TimeSpan.FromSeconds(7), gateway.Options.RequestTimeout);
        Assert.Equal(new GatewayOptions().DrainTimeout, gateway.Options.DrainTimeout);
        Assert.Same(gateway, host.Services.GetRequiredService<IMessageSender>());
        await host.StopAsync();
    }

    [Fact]
    public async Task Code_configuration_runs_after_the_configuration_section()
    {
        using var host = BuildHost(new() { ["Switchboard:Name"] = "from-config" }, services => services.AddSwitchboard(options => options.Name = "from-code"));

        Assert.Equal("from-code", host.Services.GetRequiredService<Gateway>().Name);
        await Task.CompletedTask;
    }

    [Fact]
    public void A_malformed_configuration_value_names_its_key_its_value_and_its_type()
    {
        using var host = BuildHost(new() { ["Switchboard:SharedPoolSize"] = "lots" }, services => services.AddSwitchboard());

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<Gateway>());
        Assert.Equal("The configuration value \"lots\" at Switchboard:SharedPoolSize is not a valid System.Int32.", error.Message);
    }

    [Fact]
    public async Task Out_of_range_configuration_fails_the_host_start_listing_every_bad_value()
    {
        using var host = BuildHost(
            new() { ["Switchboard:Name"] = " ", ["Switchboard:SharedQueueCapacity"] = "0", ["Switchboard:DrainTimeout"] = "-00:00:05" },
            services => services.AddSwitchboard());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Equal(3, error.Failures.Count());
        Assert.Contains("Switchboard.Name", error.Message);
        Assert.Contains("Switchboard.SharedQueueCapacity", error.Message);
        Assert.Contains("Switchboard.DrainTimeout", error.Message);
    }

    [Fact]
    public async Task Projects_added_to_the_builder_are_served_and_stopping_the_host_drains_them()
    {
        var runs = 0;
        using var host = BuildHost(new(), services => services.AddSwitchboard(options => options.Name = "g").AddProject(
            Handlers.Registry("X", Handlers.Async("X", "slow", Scope.Gateway, async (_, _, _) =>
            {
                await Task.Delay(5);
                Interlocked.Increment(ref runs);
                return null;
            }))));
        await host.StartAsync();
        var sender = host.Services.GetRequiredService<IMessageSender>();

        var sent = 0;
        for (var i = 0; i < 20; i++)
        {
            sent += (await sender.SendAsync("X", "slow", scope: Scope.Gateway)).CountOf(DeliveryStatus.Sent);
        }

        await host.StopAsync();

        Assert.Equal(20, sent);
        Assert.Equal(20, runs);
    }

    [Fact]
    public async Task Each_message_gets_its_own_service_scope_disposed_after_the_handler()
    {
        var seen = new ConcurrentBag<ScopedThing>();
        using var host = BuildHost(new(), services =>
        {
            services.AddScoped<ScopedThing>();
            services.AddSwitchboard(options => options.Name = "g").AddProject(Handlers.Registry("X",
                Handlers.Of("X", "h", Scope.Gateway, (_, context) =>
                {
                    var first = context.Services!.GetRequiredService<ScopedThing>();
                    Assert.Same(first, context.Services!.GetRequiredService<ScopedThing>());
                    seen.Add(first);
                })));
        });
        await host.StartAsync();
        var sender = host.Services.GetRequiredService<IMessageSender>();

        await sender.SendAsync("X", "h", scope: Scope.Gateway);
        await sender.SendAsync("X", "h", scope: Scope.Gateway);
        await host.StopAsync();

        Assert.Equal(2, seen.Distinct().Count());
        Assert.All(seen, thing => Assert.True(thing.Disposed));
    }

    private sealed class ScopedThing : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
