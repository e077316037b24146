namespace Switchboard;

/// <summary>
/// The hosted gateway's settings, bound from the <c>"Switchboard"</c> configuration section by
/// <see cref="SwitchboardServiceCollectionExtensions.AddSwitchboard"/> (with the configuration-binding source generator,
/// so no reflection) and validated when the host starts: an <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>
/// lists every bad value. Unset values keep <see cref="GatewayOptions"/>' defaults.
/// </summary>
/// <example>
/// <code>
/// { "Switchboard": { "Name": "agent-8088", "SharedQueueCapacity": 50000, "RequestTimeout": "00:00:30" } }
/// </code>
/// </example>
public sealed class SwitchboardOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Switchboard";

    /// <summary>The gateway's system name; the machine name by default.</summary>
    public string Name { get; set; } = Environment.MachineName;

    /// <inheritdoc cref="GatewayOptions.SharedPoolSize"/>
    public int? SharedPoolSize { get; set; }

    /// <inheritdoc cref="GatewayOptions.SharedQueueCapacity"/>
    public int? SharedQueueCapacity { get; set; }

    /// <inheritdoc cref="GatewayOptions.DedicatedQueueCapacity"/>
    public int? DedicatedQueueCapacity { get; set; }

    /// <inheritdoc cref="GatewayOptions.RequestTimeout"/>
    public TimeSpan? RequestTimeout { get; set; }

    /// <inheritdoc cref="GatewayOptions.DrainTimeout"/>
    public TimeSpan? DrainTimeout { get; set; }

    /// <summary>Copies the set values over the defaults of <see cref="GatewayOptions"/>.</summary>
    internal GatewayOptions ToGatewayOptions(IServiceProvider? services, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory)
    {
        var options = new GatewayOptions { Services = services, LoggerFactory = loggerFactory };
        options.SharedPoolSize = SharedPoolSize ?? options.SharedPoolSize;
        options.SharedQueueCapacity = SharedQueueCapacity ?? options.SharedQueueCapacity;
        options.DedicatedQueueCapacity = DedicatedQueueCapacity ?? options.DedicatedQueueCapacity;
        options.RequestTimeout = RequestTimeout ?? options.RequestTimeout;
        options.DrainTimeout = DrainTimeout ?? options.DrainTimeout;
        return options;
    }
}
