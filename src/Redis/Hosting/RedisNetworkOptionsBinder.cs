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
        options.HeartbeatInterval = section.ReadTimeSpan(nameof(RedisNetworkHostingOptions.HeartbeatInterval)) ?? options.HeartbeatInterval;
        options.PresenceTimeout = section.ReadTimeSpan(nameof(RedisNetworkHostingOptions.PresenceTimeout)) ?? options.PresenceTimeout;
        options.RemoteResultsTimeout = section.ReadTimeSpan(nameof(RedisNetworkHostingOptions.RemoteResultsTimeout)) ?? options.RemoteResultsTimeout;
        options.ConnectTimeout = section.ReadTimeSpan(nameof(RedisNetworkHostingOptions.ConnectTimeout)) ?? options.ConnectTimeout;
        options.MaxMessageBytes = section.ReadInt32(nameof(RedisNetworkHostingOptions.MaxMessageBytes)) ?? options.MaxMessageBytes;
        options.InboundQueueCapacity = section.ReadInt32(nameof(RedisNetworkHostingOptions.InboundQueueCapacity)) ?? options.InboundQueueCapacity;
        options.ConfirmRemoteSends = section.ReadBoolean(nameof(RedisNetworkHostingOptions.ConfirmRemoteSends)) ?? options.ConfirmRemoteSends;
        options.NetworkKey = section[nameof(RedisNetworkHostingOptions.NetworkKey)] ?? options.NetworkKey;
        if (section.GetSection(nameof(RedisNetworkHostingOptions.AcceptedNetworkKeys)).GetChildren().Select(key => key.Value).OfType<string>().ToList() is { Count: > 0 } previous)
        {
            options.AcceptedNetworkKeys = previous;
        }

        options.ReplayWindow = section.ReadTimeSpan(nameof(RedisNetworkHostingOptions.ReplayWindow)) ?? options.ReplayWindow;
        options.MaxRemoteServers = section.ReadInt32(nameof(RedisNetworkHostingOptions.MaxRemoteServers)) ?? options.MaxRemoteServers;
        options.AllowUnauthenticated = section.ReadBoolean(nameof(RedisNetworkHostingOptions.AllowUnauthenticated)) ?? options.AllowUnauthenticated;
    }
}
