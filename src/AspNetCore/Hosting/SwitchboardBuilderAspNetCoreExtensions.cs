using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Switchboard.AspNetCore;

/// <summary>Makes every interactive Blazor Server circuit a <see cref="Session"/> on the gateway that <c>AddSwitchboard</c> registered.</summary>
public static class SwitchboardBuilderAspNetCoreExtensions
{
    /// <summary>
    /// Opens a <see cref="Session"/> of <see cref="BrowserSessionOptions.Project"/> for each circuit when it opens, with
    /// the user name and role claims of the circuit's authentication state and the address of its connection, and
    /// closes it when the circuit ends. Components reach theirs through the scoped <see cref="BrowserSession"/>.
    /// Options are bound from the <c>"Switchboard:AspNetCore"</c> configuration section, then
    /// <paramref name="configure"/> runs; they are validated when the host starts.
    /// </summary>
    /// <param name="builder">The builder that <c>AddSwitchboard</c> returned.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The builder.</returns>
    /// <remarks>Starting the host throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> naming the
    /// configuration key when the project is missing or the log capacity is out of range.</remarks>
    /// <example>
    /// <code>
    /// builder.Services.AddSwitchboard().AddProject(HmiMessages.Registry).AddBrowserSessions(o => o.Project = "Hmi");
    /// </code>
    /// </example>
    public static SwitchboardBuilder AddBrowserSessions(this SwitchboardBuilder builder, Action<BrowserSessionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<BrowserSessionOptions>().BindConfiguration(BrowserSessionOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options
            .Validate(static o => !string.IsNullOrWhiteSpace(o.Project),
                $"{BrowserSessionOptions.SectionName}:Project is required: name the project whose session handlers serve browser sessions.")
            .Validate(static o => o.StatusLogCapacity is >= 1 and <= 10_000,
                $"{BrowserSessionOptions.SectionName}:StatusLogCapacity must be between 1 and 10000.")
            .ValidateOnStart();

        services.AddHttpContextAccessor();
        services.TryAddScoped<BrowserSession>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, BrowserSessionCircuitHandler>());
        services.TryAddSingleton<SendLog>();
        services.TryAddSingleton<SwitchboardCounters>();
        return builder;
    }
}
