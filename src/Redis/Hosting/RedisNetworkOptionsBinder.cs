using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Switchboard.Redis;

/// <summary>
/// Reads <see cref="RedisNetworkHostingOptions"/> from a configuration section key by key: no reflection, so the
/// package stays trimming- and AOT-safe, and a malformed value names its key.
/// </summary>
internal static class RedisNetworkOptionsBinder
{
    public static void Bind(IConfigurationSection section, RedisNetworkHostingOptions options)
    {
        options.ConnectionString = section[nameof(RedisNetworkHostingOptions.ConnectionString)] ?? options.ConnectionString;
        options.NetworkName = section[nameof(RedisNetworkHostingOptions.NetworkName)] ?? options.NetworkName;
        options.HeartbeatInterval = Time(section, nameof(RedisNetworkHostingOptions.HeartbeatInterval)) ?? options.HeartbeatInterval;
        options.PresenceTimeout = Time(section, nameof(RedisNetworkHostingOptions.PresenceTimeout)) ?? options.PresenceTimeout;
        options.RemoteResultsTimeout = Time(section, nameof(RedisNetworkHostingOptions.RemoteResultsTimeout)) ?? options.RemoteResultsTimeout;
        options.ConnectTimeout = Time(section, nameof(RedisNetworkHostingOptions.ConnectTimeout)) ?? options.ConnectTimeout;
        options.MaxMessageBytes = Int(section, nameof(RedisNetworkHostingOptions.MaxMessageBytes)) ?? options.MaxMessageBytes;
        options.InboundQueueCapacity = Int(section, nameof(RedisNetworkHostingOptions.InboundQueueCapacity)) ?? options.InboundQueueCapacity;
    }

    private static int? Int(IConfigurationSection section, string key) =>
        section[key] is not { } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw Invalid(section, key, text, "a whole number");

    private static TimeSpan? Time(IConfigurationSection section, string key) =>
        section[key] is not { } text ? null
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value
        : throw Invalid(section, key, text, "a time span such as 00:00:05");

    private static InvalidOperationException Invalid(IConfigurationSection section, string key, string text, string expected) =>
        new($"The configuration value \"{text}\" at {section.Path}:{key} is not {expected}.");
}
