using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard;

/// <summary>Registers a Switchboard gateway with a Generic Host.</summary>
public static class SwitchboardServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="Gateway"/> as a singleton (and as the <see cref="IMessageSender"/>), started and drained
    /// with the host. Options are bound from the <c>"Switchboard"</c> configuration section when an
    /// <see cref="IConfiguration"/> is registered, then <paramref name="configure"/> runs; they are validated when the
    /// host starts (<c>ValidateOnStart</c>), and an <see cref="OptionsValidationException"/> lists every bad value.
    /// Instance handlers resolve their dependencies from a scope created per message.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>A builder to add projects with.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddSwitchboard(options => options.Name = "agent-8088").AddProject(XMessages.Registry);
    /// </code>
    /// </example>
    public static SwitchboardBuilder AddSwitchboard(this IServiceCollection services, Action<SwitchboardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SwitchboardOptions>();
        options.Configure<IServiceProvider>(static (target, provider) =>
        {
            if (provider.GetService<IConfiguration>() is { } configuration)
            {
                // The configuration-binding source generator (EnableConfigurationBindingGenerator) intercepts this call
                // with generated code: no reflection. The trim analyzer still sees the reflection-based method it replaces.
                var section = configuration.GetSection(SwitchboardOptions.SectionName);
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

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SwitchboardOptions>, SwitchboardOptionsValidator>());

        services.TryAddSingleton(static provider =>
        {
            var settings = provider.GetRequiredService<IOptions<SwitchboardOptions>>().Value;
            var gateway = new Gateway(settings.Name, settings.ToGatewayOptions(provider, provider.GetService<ILoggerFactory>()));
            foreach (var registry in provider.GetServices<IProjectRegistry>())
            {
                gateway.AddProject(registry);
            }

            return gateway;
        });
        services.TryAddSingleton<IMessageSender>(static provider => provider.GetRequiredService<Gateway>());
        services.AddHostedService<SwitchboardHostedService>();
        return new SwitchboardBuilder(services);
    }
}
