using Microsoft.Extensions.Configuration;

namespace Switchboard;

/// <summary>
/// Reads <see cref="SwitchboardOptions"/> from a configuration section key by key: no reflection, so the library
/// stays trimming- and AOT-safe, and a malformed value names its key.
/// </summary>
internal static class SwitchboardOptionsBinder
{
    public static void Bind(IConfigurationSection section, SwitchboardOptions options)
    {
        options.Name = section[nameof(SwitchboardOptions.Name)] ?? options.Name;
        options.SharedPoolSize = section.ReadInt32(nameof(SwitchboardOptions.SharedPoolSize)) ?? options.SharedPoolSize;
        options.SharedQueueCapacity = section.ReadInt32(nameof(SwitchboardOptions.SharedQueueCapacity)) ?? options.SharedQueueCapacity;
        options.DedicatedQueueCapacity = section.ReadInt32(nameof(SwitchboardOptions.DedicatedQueueCapacity)) ?? options.DedicatedQueueCapacity;
        options.QueueFullMode = section.ReadEnum<QueueFullMode>(nameof(SwitchboardOptions.QueueFullMode)) ?? options.QueueFullMode;
        options.RequestTimeout = section.ReadTimeSpan(nameof(SwitchboardOptions.RequestTimeout)) ?? options.RequestTimeout;
        options.DrainTimeout = section.ReadTimeSpan(nameof(SwitchboardOptions.DrainTimeout)) ?? options.DrainTimeout;
    }
}
