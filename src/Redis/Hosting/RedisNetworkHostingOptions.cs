using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Switchboard.Network;

namespace Switchboard.Redis;

/// <summary>
/// The hosted gateway's Redis network, bound from the <c>"Switchboard:Redis"</c> configuration section by
/// <see cref="SwitchboardBuilderRedisExtensions.AddRedisNetwork"/>. Unset values keep <see cref="GatewayNetworkOptions"/>' defaults.
/// </summary>
/// <example>
/// <code>
/// { "Switchboard": { "Name": "agent-8088", "Redis": { "ConnectionString": "localhost:6379", "NetworkName": "plant-a" } } }
/// </code>
/// </example>
public sealed class RedisNetworkHostingOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Switchboard:Redis";

    /// <summary>
    /// The StackExchange.Redis configuration string, for example <c>"localhost:6379"</c> or
    /// <c>"redis.plant:6380,password=secret,ssl=true"</c>. Required.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <inheritdoc cref="GatewayNetworkOptions.NetworkName"/>
    public string? NetworkName { get; set; }

    /// <inheritdoc cref="GatewayNetworkOptions.HeartbeatInterval"/>
    public TimeSpan? HeartbeatInterval { get; set; }

    /// <inheritdoc cref="GatewayNetworkOptions.PresenceTimeout"/>
    public TimeSpan? PresenceTimeout { get; set; }

    /// <inheritdoc cref="GatewayNetworkOptions.RemoteResultsTimeout"/>
    public TimeSpan? RemoteResultsTimeout { get; set; }

    /// <inheritdoc cref="GatewayNetworkOptions.ConnectTimeout"/>
    public TimeSpan? ConnectTimeout { get; set; }

    /// <inheritdoc cref="GatewayNetworkOptions.MaxMessageBytes"/>
    public int? MaxMessageBytes { get; set; }

    /// <inheritdoc cref="GatewayNetworkOptions.InboundQueueCapacity"/>
    public int? InboundQueueCapacity { get; set; }

    /// <inheritdoc cref="GatewayNetworkOptions.ConfirmRemoteSends"/>
    public bool? ConfirmRemoteSends { get; set; }

    /// <inheritdoc cref="GatewayNetworkOptions.NetworkKey"/>
    /// <remarks>A secret: keep it in a secret store or an environment variable (<c>Switchboard__Redis__NetworkKey</c>), not in appsettings.json.</remarks>
    public string? NetworkKey { get; set; }

    /// <inheritdoc cref="GatewayNetworkOptions.AcceptedNetworkKeys"/>
    /// <remarks>Bound from <c>Switchboard:Redis:AcceptedNetworkKeys:0</c>, <c>:1</c>, and so on.</remarks>
    public IList<string> AcceptedNetworkKeys { get; set; } = [];

    /// <inheritdoc cref="GatewayNetworkOptions.ReplayWindow"/>
    public TimeSpan? ReplayWindow { get; set; }

    /// <inheritdoc cref="GatewayNetworkOptions.MaxRemoteServers"/>
    public int? MaxRemoteServers { get; set; }

    /// <summary>
    /// Lets the host start in the Production environment without a <see cref="NetworkKey"/>. Off by default: a
    /// network without a key lets anyone who can publish to its Redis run any handler as anyone, so a production host
    /// refuses to start without one unless this says the risk is taken knowingly (for example when Redis ACLs alone
    /// guard the network). Other environments start without a key and log a warning.
    /// </summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>
    /// Adjusts the parsed StackExchange.Redis options before connecting, for what a configuration string cannot say
    /// (TLS certificate callbacks, a custom reconnect policy). Code only; not bound from configuration.
    /// </summary>
    public Action<ConfigurationOptions>? ConfigureRedis { get; set; }

    /// <summary>Parses <see cref="ConnectionString"/> and applies <see cref="ConfigureRedis"/>.</summary>
    /// <exception cref="InvalidOperationException">The connection string is missing or malformed; the message names the key to set.</exception>
    internal ConfigurationOptions ToRedisConfiguration()
    {
        const string Key = SectionName + ":" + nameof(ConnectionString);
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new InvalidOperationException(
                $"The Redis gateway network has no connection string: set {Key} (for example \"localhost:6379\"), " +
                $"or {nameof(RedisNetworkHostingOptions)}.{nameof(ConnectionString)} in AddRedisNetwork.");
        }

        ConfigurationOptions redis;
        try
        {
            redis = ConfigurationOptions.Parse(ConnectionString);
        }
        catch (ArgumentException malformed)
        {
            // The string itself is not repeated: it may hold a password.
            throw new InvalidOperationException($"The Redis connection string at {Key} is not a valid StackExchange.Redis configuration: {malformed.Message}", malformed);
        }

        ConfigureRedis?.Invoke(redis);
        return redis;
    }

    /// <summary>Copies the set values over the defaults of <see cref="GatewayNetworkOptions"/>.</summary>
    internal GatewayNetworkOptions ToNetworkOptions(ILoggerFactory? loggerFactory)
    {
        var options = new GatewayNetworkOptions { LoggerFactory = loggerFactory };
        options.NetworkName = NetworkName ?? options.NetworkName;
        options.HeartbeatInterval = HeartbeatInterval ?? options.HeartbeatInterval;
        options.PresenceTimeout = PresenceTimeout ?? options.PresenceTimeout;
        options.RemoteResultsTimeout = RemoteResultsTimeout ?? options.RemoteResultsTimeout;
        options.ConnectTimeout = ConnectTimeout ?? options.ConnectTimeout;
        options.MaxMessageBytes = MaxMessageBytes ?? options.MaxMessageBytes;
        options.InboundQueueCapacity = InboundQueueCapacity ?? options.InboundQueueCapacity;
        options.ConfirmRemoteSends = ConfirmRemoteSends ?? options.ConfirmRemoteSends;
        options.NetworkKey = NetworkKey;
        options.AcceptedNetworkKeys = [.. AcceptedNetworkKeys];
        options.ReplayWindow = ReplayWindow ?? options.ReplayWindow;
        options.MaxRemoteServers = MaxRemoteServers ?? options.MaxRemoteServers;
        return options;
    }

    /// <summary>Refuses a production host without a network key, unless <see cref="AllowUnauthenticated"/> says otherwise.</summary>
    /// <exception cref="InvalidOperationException">The environment is Production, no key is set, and unauthenticated networks are not allowed.</exception>
    internal void ThrowIfUnauthenticatedInProduction(bool isProduction)
    {
        if (isProduction && string.IsNullOrEmpty(NetworkKey) && !AllowUnauthenticated)
        {
            throw new InvalidOperationException(
                $"The Redis gateway network has no network key, and this host runs in Production: anyone who can publish to its Redis could run any handler as anyone. " +
                $"Set {SectionName}:{nameof(NetworkKey)} (the same secret of at least 32 bytes on every member; `openssl rand -base64 32` makes one), " +
                $"or set {SectionName}:{nameof(AllowUnauthenticated)} to true to run without one knowingly.");
        }
    }
}
