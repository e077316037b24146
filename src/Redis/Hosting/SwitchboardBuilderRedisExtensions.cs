using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Network;

namespace Switchboard.Redis;

/// <summary>Puts the gateway that <c>AddSwitchboard</c> registered on a gateway network over Redis.</summary>
public static class SwitchboardBuilderRedisExtensions
{
    /// <summary>
    /// Joins the hosted gateway to a gateway network over Redis. Options are bound from the <c>"Switchboard:Redis"</c>
    /// configuration section (<c>ConnectionString</c>, required; <c>NetworkName</c>; the sizes and timeouts of
    /// <see cref="GatewayNetworkOptions"/>) when an <see cref="IConfiguration"/> is registered, then
    /// <paramref name="configure"/> runs. When the host starts, the gateway connects and joins under its name, before
    /// any hosted service's <c>StartAsync</c>; when the host stops, it leaves and drains, and only then is the Redis
    /// connection closed, so that replies to requests it was answering still go out. The <see cref="GatewayNetwork"/>
    /// is registered as a singleton, which can be resolved once the host has started.
    /// </summary>
    /// <param name="builder">The builder that <c>AddSwitchboard</c> returned.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// Starting the host throws <see cref="InvalidOperationException"/> naming the configuration key when the connection
    /// string is missing or malformed or a value cannot be read, <see cref="ArgumentException"/> for an out-of-range
    /// option, and StackExchange.Redis's <c>RedisConnectionException</c> when Redis cannot be reached (unless the
    /// connection string says <c>abortConnect=false</c>).
    /// </remarks>
    /// <example>
    /// <code>
    /// // appsettings.json: { "Switchboard": { "Name": "agent-8088", "Redis": { "ConnectionString": "localhost:6379" } } }
    /// builder.Services.AddSwitchboard().AddProject(XMessages.Registry).AddRedisNetwork();
    /// </code>
    /// </example>
    public static SwitchboardBuilder AddRedisNetwork(this SwitchboardBuilder builder, Action<RedisNetworkHostingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<RedisNetworkHostingOptions>();
        options.Configure<IServiceProvider>(static (target, provider) =>
        {
            if (provider.GetService<IConfiguration>() is { } configuration)
            {
                // The configuration-binding source generator (EnableConfigurationBindingGenerator) intercepts this call
                // with generated code: no reflection. The trim analyzer still sees the reflection-based method it replaces.
                var section = configuration.GetSection(RedisNetworkHostingOptions.SectionName);
                try
                {
#pragma warning disable IL2026, IL3050
                    section.Bind(target);
#pragma warning restore IL2026, IL3050
                }
                catch (InvalidOperationException failure)
                {
                    throw ConfigurationErrors.WithValue(section, failure);
                }
            }
        });
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<HostedRedisNetwork>();
        services.TryAddSingleton(static provider => provider.GetRequiredService<HostedRedisNetwork>().Network);
        services.AddHostedService<RedisNetworkHostedService>();
        return builder;
    }
}
