using System.Globalization;
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
        options.SharedPoolSize = Int(section, nameof(SwitchboardOptions.SharedPoolSize)) ?? options.SharedPoolSize;
        options.SharedQueueCapacity = Int(section, nameof(SwitchboardOptions.SharedQueueCapacity)) ?? options.SharedQueueCapacity;
        options.DedicatedQueueCapacity = Int(section, nameof(SwitchboardOptions.DedicatedQueueCapacity)) ?? options.DedicatedQueueCapacity;
        options.RequestTimeout = Time(section, nameof(SwitchboardOptions.RequestTimeout)) ?? options.RequestTimeout;
        options.DrainTimeout = Time(section, nameof(SwitchboardOptions.DrainTimeout)) ?? options.DrainTimeout;
    }

    private static int? Int(IConfigurationSection section, string key) =>
        section[key] is not { } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw Invalid(section, key, text, "a whole number");

    private static TimeSpan? Time(IConfigurationSection section, string key) =>
        section[key] is not { } text ? null
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value
        : throw Invalid(section, key, text, "a time span such as 00:00:30");

    private static InvalidOperationException Invalid(IConfigurationSection section, string key, string text, string expected) =>
        new($"The configuration value \"{text}\" at {section.Path}:{key} is not {expected}.");
}
