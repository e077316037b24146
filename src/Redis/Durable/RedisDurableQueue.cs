using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Switchboard.Redis.Durable;

/// <summary>
/// At-least-once delivery on Redis Streams: the <see cref="IDurableQueue"/> that <see cref="Endpoint.SendDurableAsync"/>
/// writes to, and the reader that runs a gateway's durable messages. One stream per gateway and project, read by one
/// consumer group named after the gateway; a message is acknowledged only after its handler ran, redelivered after a
/// crash or a failure, dead-lettered after <see cref="RedisDurableQueueOptions.MaxAttempts"/> failures, and run once
/// per message id.
/// </summary>
/// <example>
/// <code>
/// await using var durable = await RedisDurableQueue.ConnectAsync("localhost:6379", new RedisDurableQueueOptions { NetworkName = "plant-a" });
/// await durable.AttachAsync(gateway);   // this gateway now sends durably and runs its durable messages
/// var report = await gateway.SendDurableAsync("X", "record", new Reading(42), remoteServer: "agent-9000");   // ...,sendStatus=QUEUED
/// </code>
/// </example>
/// <remarks>Thread-safe. Redis must keep its data (AOF or RDB) for messages to survive a Redis restart.</remarks>
public sealed class RedisDurableQueue : IDurableQueue, IAsyncDisposable
{
    private readonly IConnectionMultiplexer connection;
    private readonly bool ownsConnection;
    private readonly IDatabase database;
    private readonly RedisDurableQueueOptions options;
    private readonly ILogger logger;
    private readonly ConcurrentBag<DurableConsumer> consumers = [];
    private readonly byte[]? key;
    private int disposed;

    /// <summary>Uses an existing connection, which the caller keeps and disposes.</summary>
    /// <param name="connection">The Redis connection.</param>
    /// <param name="options">Key names, retries and retention; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public RedisDurableQueue(IConnectionMultiplexer connection, RedisDurableQueueOptions? options = null)
        : this(connection, options, ownsConnection: false)
    {
    }

    private RedisDurableQueue(IConnectionMultiplexer connection, RedisDurableQueueOptions? options, bool ownsConnection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        this.connection = connection;
        this.ownsConnection = ownsConnection;
        this.options = (options ?? new RedisDurableQueueOptions()).ValidatedCopy();
        logger = (this.options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Switchboard.Redis.Durable");
        database = connection.GetDatabase();
        key = this.options.NetworkKey is { } secret ? System.Text.Encoding.UTF8.GetBytes(secret) : null;
        if (key is null)
        {
            DurableLog.Unsigned(logger, this.options.NetworkName);
        }
    }

    /// <summary>Connects to Redis and returns a queue that owns its connection.</summary>
    /// <param name="configuration">A StackExchange.Redis configuration string, for example <c>"localhost:6379"</c>.</param>
    /// <param name="options">Key names, retries and retention; defaults when <see langword="null"/>.</param>
    /// <returns>The queue; dispose it to stop reading and close the connection.</returns>
    /// <exception cref="ArgumentException">The configuration string is empty or an option is invalid.</exception>
    /// <exception cref="RedisConnectionException">Redis could not be reached (unless <c>abortConnect=false</c>).</exception>
    public static async Task<RedisDurableQueue> ConnectAsync(string configuration, RedisDurableQueueOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        var connection = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
        try
        {
            return new RedisDurableQueue(connection, options, ownsConnection: true);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Makes <paramref name="gateway"/> send durably through this queue (<see cref="Gateway.UseDurableQueue"/>) and
    /// starts running its durable messages, one reader per project it hosts: first those it read before a crash and
    /// never acknowledged, then every message sent to it while it was down, then new ones.
    /// </summary>
    /// <param name="gateway">The gateway, with its projects added.</param>
    /// <returns>A task that completes when the readers have started.</returns>
    /// <exception cref="RedisException">Redis refused to create a stream or consumer group.</exception>
    /// <exception cref="ObjectDisposedException">The queue is disposed.</exception>
    public async Task AttachAsync(Gateway gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);
        gateway.UseDurableQueue(this);
        foreach (var project in gateway.Projects)
        {
            var consumer = new DurableConsumer(database, gateway, Keys(gateway.Name, project), options, key, logger);
            await consumer.StartAsync().ConfigureAwait(false);
            consumers.Add(consumer);
        }
    }

    /// <inheritdoc />
    /// <exception cref="RedisException">Redis could not store the message; it was not sent.</exception>
    public async ValueTask EnqueueAsync(DurableMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        var fields = DurableEntry.Fields(message);
        if (key is not null)
        {
            fields = DurableSignature.Signed(fields, key);
        }

        await database.StreamAddAsync(Keys(message.TargetGateway, message.Project).Stream, fields).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The dead letters of a gateway's project, oldest first.</summary>
    /// <param name="gateway">The gateway that failed to run them.</param>
    /// <param name="project">The project.</param>
    /// <param name="count">At most this many.</param>
    /// <returns>The dead letters.</returns>
    /// <exception cref="RedisException">Redis could not be read.</exception>
    public async Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(string gateway, string project, int count = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var entries = await database.StreamRangeAsync(Keys(gateway, project).DeadLetters, count: count).ConfigureAwait(false);
        return entries.Select(entry => new DeadLetter(
            entry.Id.ToString(),
            DurableEntry.Read(entry),
            entry["error"].ToString(),
            entry["attempts"].TryParse(out long attempts) ? attempts : 0)).ToArray();
    }

    /// <summary>
    /// Sends a dead letter again: it goes back to the end of its stream with its message id, with a fresh attempt
    /// count, and leaves the dead-letter stream. Do this once its cause is mended (a handler deployed, a bug fixed).
    /// </summary>
    /// <param name="gateway">The gateway.</param>
    /// <param name="project">The project.</param>
    /// <param name="deadLetterId">The <see cref="DeadLetter.Id"/>.</param>
    /// <returns><see langword="true"/> when it was replayed; <see langword="false"/> when there is no such dead letter.</returns>
    /// <exception cref="RedisException">Redis could not be written.</exception>
    public async Task<bool> ReplayDeadLetterAsync(string gateway, string project, string deadLetterId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deadLetterId);
        var keys = Keys(gateway, project);
        var found = await database.StreamRangeAsync(keys.DeadLetters, deadLetterId, deadLetterId, count: 1).ConfigureAwait(false);
        if (found is not [var entry])
        {
            return false;
        }

        var fields = entry.Values.Where(field => field.Name != "error" && field.Name != "attempts").ToArray();
        var transaction = database.CreateTransaction();
        _ = transaction.StreamAddAsync(keys.Stream, fields);
        var removed = transaction.StreamDeleteAsync(keys.DeadLetters, [entry.Id]);
        await transaction.ExecuteAsync().ConfigureAwait(false);
        return await removed.ConfigureAwait(false) == 1;
    }

    /// <summary>Stops the readers (a handler that is running finishes; its message stays unacknowledged until it did) and closes an owned connection.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        foreach (var consumer in consumers)
        {
            await consumer.StopAsync().ConfigureAwait(false);
        }

        if (ownsConnection)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private DurableKeys Keys(string gateway, string project)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gateway);
        ArgumentException.ThrowIfNullOrWhiteSpace(project);
        return new DurableKeys(options.NetworkName, gateway, project);
    }
}
