using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Switchboard.Redis.Durable;

/// <summary>
/// Reads one gateway's durable messages for one project from its stream, in the consumer group named after the
/// gateway, up to <see cref="RedisDurableQueueOptions.BatchSize"/> per read: checks the batch's ids against the
/// processed ones in one round trip, then runs the handlers one after another, recording each id as processed and
/// acknowledging it in one transaction before the next handler starts. A failed message stays pending and is claimed
/// again after the retry delay, until it has failed <see cref="RedisDurableQueueOptions.MaxAttempts"/> times and
/// moves to the dead-letter stream.
/// </summary>
/// <remarks>
/// The consumer's name is the gateway's, so a restarted gateway reads its own unacknowledged messages back first
/// (<c>XREADGROUP ... 0</c>); <c>XAUTOCLAIM</c> picks up whatever waited longer than the retry delay. Handlers run one
/// at a time, so a message is never claimed again while its handler runs, and acknowledging each before the next
/// starts means a kill repeats at most the one message whose handler had returned.
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

    /// <summary>
    /// Runs a batch read from the stream. Reading, checking signatures and looking up which ids were processed are done
    /// for the whole batch (one round trip each); the handlers then run one after another, and each message is
    /// acknowledged before the next handler starts, so a kill repeats at most the one message whose handler had returned.
    /// </summary>
    private async Task<int> HandleAsync(StreamEntry[] entries, CancellationToken cancellationToken)
    {
        if (entries.Length == 0)
        {
            return 0;
        }

        // Pending, but deleted from the stream: nothing left to run; acknowledged together.
        var deleted = entries.Where(entry => entry.IsNull).Select(entry => entry.Id).ToArray();
        var acknowledging = deleted.Length > 0 ? database.StreamAcknowledgeAsync(keys.Stream, keys.Group, deleted) : Task.FromResult(0L);

        var batch = new List<(StreamEntry Entry, DurableMessage Message)>(entries.Length);
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.IsNull)
            {
                continue;
            }

            if (key is not null && !DurableSignature.IsValid(entry, key))
            {
                await DeadLetterAsync(entry, entry["id"].ToString(), "the message is unsigned or badly signed (RedisDurableQueueOptions.NetworkKey)", attempts: 0).ConfigureAwait(false);
            }
            else if (DurableEntry.Read(entry) is not { } message)
            {
                await DeadLetterAsync(entry, entry["id"].ToString(), "the stream entry is not a durable message", attempts: 0).ConfigureAwait(false);
            }
            else
            {
                batch.Add((entry, message));
            }
        }

        await acknowledging.ConfigureAwait(false);
        var processed = await ProcessedAsync(batch).ConfigureAwait(false);

        // Ids whose handler ran in this batch: the same id twice in one batch (a sender that sent it again) runs once.
        var ranNow = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new List<Task>();
        for (var i = 0; i < batch.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (entry, message) = batch[i];
            if (processed[i] || ranNow.Contains(message.Id))
            {
                // No handler runs, so these acknowledgements need not wait for each other.
                DurableLog.Duplicate(logger, message.Id);
                duplicates.Add(AcknowledgeAsync(entry, message.Id));
                continue;
            }

            if (await RunAsync(entry, message, cancellationToken).ConfigureAwait(false))
            {
                ranNow.Add(message.Id);
            }
        }

        await Task.WhenAll(duplicates).ConfigureAwait(false);
        return entries.Length - deleted.Length;
    }

    /// <summary>Which of the batch's message ids were processed already: one pipelined <c>EXISTS</c> each, one round trip in all.</summary>
    private async Task<bool[]> ProcessedAsync(List<(StreamEntry Entry, DurableMessage Message)> batch)
    {
        var lookups = new Task<bool>[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            lookups[i] = database.KeyExistsAsync(keys.Processed(batch[i].Message.Id));
        }

        return await Task.WhenAll(lookups).ConfigureAwait(false);
    }

    /// <summary>Runs one message's handler, then acknowledges it (and waits for that) or counts its failure.</summary>
    /// <returns>Whether the handler ran without failing.</returns>
    private async Task<bool> RunAsync(StreamEntry entry, DurableMessage message, CancellationToken cancellationToken)
    {
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

            return false;
        }

        await AcknowledgeAsync(entry, message.Id).ConfigureAwait(false);
        return true;
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
