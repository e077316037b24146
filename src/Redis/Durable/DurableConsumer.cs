using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Switchboard.Redis.Durable;

/// <summary>
/// Reads one gateway's durable messages for one project from its stream, in the consumer group named after the
/// gateway, one at a time: runs the handler, then records the id as processed and acknowledges in one transaction.
/// A failed message stays pending and is claimed again after the retry delay, until it has failed
/// <see cref="RedisDurableQueueOptions.MaxAttempts"/> times and moves to the dead-letter stream.
/// </summary>
/// <remarks>
/// The consumer's name is the gateway's, so a restarted gateway reads its own unacknowledged messages back first
/// (<c>XREADGROUP ... 0</c>); <c>XAUTOCLAIM</c> picks up whatever waited longer than the retry delay. One message at
/// a time keeps a message from being claimed again while its handler runs.
/// </remarks>
internal sealed class DurableConsumer
{
    private readonly IDatabase database;
    private readonly Gateway gateway;
    private readonly DurableKeys keys;
    private readonly RedisDurableQueueOptions options;
    private readonly byte[]? key;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private Task? running;

    public DurableConsumer(IDatabase database, Gateway gateway, DurableKeys keys, RedisDurableQueueOptions options, byte[]? key, ILogger logger)
    {
        this.key = key;
        this.database = database;
        this.gateway = gateway;
        this.keys = keys;
        this.options = options;
        this.logger = logger;
    }

    private RedisValue Consumer => gateway.Name;

    /// <summary>Creates the group if needed (reading the stream from its start) and starts reading.</summary>
    public async Task StartAsync()
    {
        try
        {
            await database.StreamCreateConsumerGroupAsync(keys.Stream, keys.Group, StreamPosition.Beginning, createStream: true).ConfigureAwait(false);
        }
        catch (RedisServerException exception) when (exception.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // The group exists: this gateway has read this stream before.
        }

        running = Task.Run(() => RunAsync(stopping.Token));
    }

    public async Task StopAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (running is { } task)
        {
            await task.ConfigureAwait(false);
        }

        stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var ownPendingFirst = true;
        var nextClaim = DateTime.UtcNow + options.RetryDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var handled = 0;
                if (ownPendingFirst)
                {
                    // After a restart: what this gateway read but never acknowledged, at once.
                    var own = await database.StreamReadGroupAsync(keys.Stream, keys.Group, Consumer, StreamPosition.Beginning, options.BatchSize).ConfigureAwait(false);
                    ownPendingFirst = own.Length == options.BatchSize;
                    handled += await HandleAsync(own, cancellationToken).ConfigureAwait(false);
                }

                if (DateTime.UtcNow >= nextClaim)
                {
                    var claimed = await database.StreamAutoClaimAsync(
                        keys.Stream, keys.Group, Consumer, (long)options.RetryDelay.TotalMilliseconds, "0-0", options.BatchSize).ConfigureAwait(false);
                    handled += await HandleAsync(claimed.ClaimedEntries, cancellationToken).ConfigureAwait(false);
                    nextClaim = DateTime.UtcNow + options.RetryDelay / 2;
                }

                var fresh = await database.StreamReadGroupAsync(keys.Stream, keys.Group, Consumer, StreamPosition.NewMessages, options.BatchSize).ConfigureAwait(false);
                handled += await HandleAsync(fresh, cancellationToken).ConfigureAwait(false);
                if (handled == 0)
                {
                    await Task.Delay(options.PollInterval, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                // Redis is down or restarting: nothing is acknowledged, so nothing is lost; read again later.
                DurableLog.ReadFailed(logger, exception, gateway.Name, keys.Project);
                ownPendingFirst = true;
                await DelayAsync(options.RetryDelay / 5, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<int> HandleAsync(StreamEntry[] entries, CancellationToken cancellationToken)
    {
        var handled = 0;
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.IsNull)
            {
                // Pending, but deleted from the stream: nothing left to run.
                await database.StreamAcknowledgeAsync(keys.Stream, keys.Group, entry.Id).ConfigureAwait(false);
                continue;
            }

            await HandleAsync(entry, cancellationToken).ConfigureAwait(false);
            handled++;
        }

        return handled;
    }

    private async Task HandleAsync(StreamEntry entry, CancellationToken cancellationToken)
    {
        if (key is not null && !DurableSignature.IsValid(entry, key))
        {
            await DeadLetterAsync(entry, entry["id"].ToString(), "the message is unsigned or badly signed (RedisDurableQueueOptions.NetworkKey)", attempts: 0).ConfigureAwait(false);
            return;
        }

        if (DurableEntry.Read(entry) is not { } message)
        {
            await DeadLetterAsync(entry, entry["id"].ToString(), "the stream entry is not a durable message", attempts: 0).ConfigureAwait(false);
            return;
        }

        if (await database.KeyExistsAsync(keys.Processed(message.Id)).ConfigureAwait(false))
        {
            DurableLog.Duplicate(logger, message.Id);
            await AcknowledgeAsync(entry, message.Id).ConfigureAwait(false);
            return;
        }

        try
        {
            await gateway.RunDurableAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            var attempts = await database.HashIncrementAsync(keys.Failures, message.Id).ConfigureAwait(false);
            if (attempts >= options.MaxAttempts || IsPermanent(exception))
            {
                DurableLog.DeadLettered(logger, message.Id, message.Project, message.MessageHandler, attempts, exception.Message);
                await DeadLetterAsync(entry, message.Id, exception.Message, attempts).ConfigureAwait(false);
            }
            else
            {
                DurableLog.Failed(logger, exception, message.Id, message.Project, message.MessageHandler, attempts, options.MaxAttempts);
            }

            return;
        }

        await AcknowledgeAsync(entry, message.Id).ConfigureAwait(false);
    }

    // Retrying cannot help a message that names no handler here, is refused, or does not parse.
    private static bool IsPermanent(Exception exception) =>
        exception is MessageHandlerNotFoundException or MessageDeniedException or JsonException or PayloadConversionException or ArgumentException;

    /// <summary>Records the id as processed, acknowledges and deletes the entry: all or nothing.</summary>
    private async Task AcknowledgeAsync(StreamEntry entry, string messageId)
    {
        var transaction = database.CreateTransaction();
        _ = transaction.StringSetAsync(keys.Processed(messageId), 1, options.ProcessedIdRetention);
        _ = transaction.StreamAcknowledgeAsync(keys.Stream, keys.Group, entry.Id);
        _ = transaction.StreamDeleteAsync(keys.Stream, [entry.Id]);
        _ = transaction.HashDeleteAsync(keys.Failures, messageId);
        await transaction.ExecuteAsync().ConfigureAwait(false);
    }

    /// <summary>Moves the entry to the dead-letter stream with why and how often it failed: all or nothing.</summary>
    private async Task DeadLetterAsync(StreamEntry entry, string messageId, string error, long attempts)
    {
        var fields = entry.Values
            .Where(field => field.Name != "error" && field.Name != "attempts")
            .Append(new NameValueEntry("error", error))
            .Append(new NameValueEntry("attempts", attempts))
            .ToArray();
        var transaction = database.CreateTransaction();
        _ = transaction.StreamAddAsync(keys.DeadLetters, fields);
        _ = transaction.StreamAcknowledgeAsync(keys.Stream, keys.Group, entry.Id);
        _ = transaction.StreamDeleteAsync(keys.Stream, [entry.Id]);
        _ = transaction.HashDeleteAsync(keys.Failures, messageId);
        await transaction.ExecuteAsync().ConfigureAwait(false);
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
