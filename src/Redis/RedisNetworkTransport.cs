using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using Switchboard.Network;

namespace Switchboard.Redis;

/// <summary>
/// Carries a <see cref="GatewayNetwork"/> over Redis pub/sub with StackExchange.Redis. Each channel's messages are read
/// in order; StackExchange.Redis reconnects and restores the subscriptions by itself after a connection failure or a
/// Redis restart, and this transport reports both to the network. While disconnected, publishing fails at once (the
/// backlog policy is fail-fast), so senders see <c>UNREACHABLE</c> instead of waiting.
/// </summary>
public sealed class RedisNetworkTransport : INetworkTransport
{
    private readonly ConnectionMultiplexer connection;
    private readonly ISubscriber subscriber;
    private readonly ConcurrentDictionary<string, ChannelMessageQueue> subscriptions = new(StringComparer.Ordinal);
    private static readonly TimeSpan SubscribeRetryDelay = TimeSpan.FromMilliseconds(50);

    private readonly ILogger logger;
    private readonly int connectTimeoutMilliseconds;
    private int connected = 1;
    private int disposed;

    private RedisNetworkTransport(ConnectionMultiplexer connection, ILogger logger, int connectTimeoutMilliseconds)
    {
        this.connection = connection;
        this.logger = logger;
        this.connectTimeoutMilliseconds = connectTimeoutMilliseconds;
        subscriber = connection.GetSubscriber();
        connection.ConnectionFailed += OnConnectionFailed;
        connection.ConnectionRestored += OnConnectionRestored;
        connection.InternalError += OnInternalError;
    }

    /// <inheritdoc />
    public event EventHandler<NetworkConnectionEventArgs>? ConnectionChanged;

    /// <inheritdoc />
    public bool IsConnected => Volatile.Read(ref disposed) == 0 && connection.IsConnected;

    /// <summary>
    /// Connects to Redis with a StackExchange.Redis configuration string, for example <c>"localhost:6379"</c>,
    /// <c>"redis.plant:6380,password=secret,ssl=true,sslHost=redis.plant"</c> or <c>"host:6379,user=app,password=secret,abortConnect=false"</c>.
    /// </summary>
    /// <param name="configuration">The configuration string: endpoints, password, user, TLS (<c>ssl</c>, <c>sslHost</c>) and timeouts.</param>
    /// <param name="loggerFactory">Where connection failures and restorations are logged.</param>
    /// <returns>The connected transport.</returns>
    /// <exception cref="ArgumentException">The configuration string is empty or invalid.</exception>
    /// <exception cref="RedisConnectionException">Redis could not be reached (unless <c>abortConnect=false</c>, which keeps trying in the background).</exception>
    public static Task<RedisNetworkTransport> ConnectAsync(string configuration, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        return ConnectAsync(ConfigurationOptions.Parse(configuration), loggerFactory);
    }

    /// <summary>Connects to Redis with StackExchange.Redis options, for what a configuration string cannot say (for example a TLS certificate callback).</summary>
    /// <param name="configuration">The options; they are copied, and the copy's backlog policy is set to fail fast.</param>
    /// <param name="loggerFactory">Where connection failures and restorations are logged.</param>
    /// <returns>The connected transport.</returns>
    /// <exception cref="RedisConnectionException">Redis could not be reached (unless <see cref="ConfigurationOptions.AbortOnConnectFail"/> is off).</exception>
    public static async Task<RedisNetworkTransport> ConnectAsync(ConfigurationOptions configuration, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.Clone();

        // A publish while disconnected must fail at once: the sender reports UNREACHABLE instead of stalling.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ClientName ??= "switchboard";
        var connection = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
        return new RedisNetworkTransport(connection, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Switchboard.Redis"), options.ConnectTimeout);
    }

    /// <inheritdoc />
    public async ValueTask SubscribeAsync(string channel, Action<ReadOnlyMemory<byte>> onMessage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onMessage);
        var queue = await SubscribeQueueAsync(channel, cancellationToken).ConfigureAwait(false);

        // The queue hands messages over one at a time, in the order Redis delivered them.
        queue.OnMessage(message => onMessage((byte[]?)message.Message ?? []));
    }

    /// <inheritdoc />
    /// <remarks>
    /// The reader takes the messages straight from StackExchange.Redis's ordered <see cref="ChannelMessageQueue"/>, so
    /// no message loop of StackExchange.Redis's runs in between; the queue's backlog is what
    /// <see cref="INetworkSubscription.TryRead"/> reports as waiting.
    /// </remarks>
    public async ValueTask<INetworkSubscription> OpenSubscriptionAsync(string channel, Action messagesWaiting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messagesWaiting);
        return new RedisSubscription(await SubscribeQueueAsync(channel, cancellationToken).ConfigureAwait(false), messagesWaiting);
    }

    private async Task<ChannelMessageQueue> SubscribeQueueAsync(string channel, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);
        if (subscriptions.ContainsKey(channel))
        {
            throw new InvalidOperationException($"The channel \"{channel}\" is already subscribed on this connection.");
        }

        var queue = await SubscribeWhenReadyAsync(RedisChannel.Literal(channel), cancellationToken).ConfigureAwait(false);
        if (!subscriptions.TryAdd(channel, queue))
        {
            await queue.UnsubscribeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"The channel \"{channel}\" is already subscribed on this connection.");
        }

        return queue;
    }

    /// <summary>
    /// Subscribes, waiting out the moments when the subscription connection is still being established: right after
    /// connecting on a busy machine, or while StackExchange.Redis reconnects. The fail-fast backlog policy would
    /// otherwise refuse the SUBSCRIBE at once. Gives up after the configured connect timeout.
    /// </summary>
    private async Task<ChannelMessageQueue> SubscribeWhenReadyAsync(RedisChannel channel, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(connectTimeoutMilliseconds);
        while (true)
        {
            try
            {
                return await subscriber.SubscribeAsync(channel).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline && Volatile.Read(ref disposed) == 0)
            {
                await Task.Delay(SubscribeRetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask UnsubscribeAsync(string channel)
    {
        if (subscriptions.TryRemove(channel, out var queue))
        {
            await queue.UnsubscribeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public ValueTask<long> PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        // No async state machine: the publish's own task is returned as it is when there is nothing to cancel.
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);
            var published = subscriber.PublishAsync(RedisChannel.Literal(channel), message);
            return new ValueTask<long>(cancellationToken.CanBeCanceled ? published.WaitAsync(cancellationToken) : published);
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<long>(exception);
        }
    }

    /// <inheritdoc />
    public long Publish(string channel, ReadOnlyMemory<byte> message)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);
        return subscriber.Publish(RedisChannel.Literal(channel), message);
    }

    /// <summary>Closes the connection; Redis drops its subscriptions with it.</summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        connection.ConnectionFailed -= OnConnectionFailed;
        connection.ConnectionRestored -= OnConnectionRestored;
        connection.InternalError -= OnInternalError;
        subscriptions.Clear();
        await connection.CloseAsync(allowCommandsToComplete: false).ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs failure)
    {
        RedisLog.ConnectionFailed(logger, failure.EndPoint?.ToString() ?? "(unknown)", failure.ConnectionType, failure.FailureType, failure.Exception?.Message ?? "");
        if (Interlocked.Exchange(ref connected, 0) == 1)
        {
            ConnectionChanged?.Invoke(this, new NetworkConnectionEventArgs(false, $"Redis {failure.ConnectionType} connection to {failure.EndPoint}: {failure.FailureType}"));
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs restored)
    {
        RedisLog.ConnectionRestored(logger, restored.EndPoint?.ToString() ?? "(unknown)", restored.ConnectionType);
        if (connection.IsConnected && Interlocked.Exchange(ref connected, 1) == 0)
        {
            ConnectionChanged?.Invoke(this, new NetworkConnectionEventArgs(true, $"Redis {restored.ConnectionType} connection to {restored.EndPoint} restored"));
        }
    }

    private void OnInternalError(object? sender, InternalErrorEventArgs error) =>
        RedisLog.InternalError(logger, error.Exception, error.Origin ?? "", error.EndPoint?.ToString() ?? "(unknown)");
}
