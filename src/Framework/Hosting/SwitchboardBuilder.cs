using Microsoft.Extensions.DependencyInjection;

namespace Switchboard;

/// <summary>Adds projects (and, from other packages, transports) to the gateway that <c>AddSwitchboard</c> registered.</summary>
public sealed class SwitchboardBuilder
{
    internal SwitchboardBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection, for extension packages.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds a project's handlers to the hosted gateway, usually the generated <c>XMessages.Registry</c>.</summary>
    /// <param name="registry">The project.</param>
    /// <returns>This builder.</returns>
    public SwitchboardBuilder AddProject(IProjectRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Services.AddSingleton(registry);
        return this;
    }
}
