using Microsoft.Extensions.Logging;

namespace Switchboard.Redis.Durable;

/// <summary>How a <see cref="RedisDurableQueue"/> names its streams, retries, dead-letters and remembers processed messages.</summary>
public sealed class RedisDurableQueueOptions
{
    /// <summary>The gateway network's name; it prefixes every key, so several networks can share one Redis. Default <c>switchboard</c>.</summary>
    public string NetworkName { get; set; } = "switchboard";

    /// <summary>How many times a handler may fail on one message before it goes to the dead-letter stream. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// How long a delivered but unacknowledged message waits before it is delivered again: after a handler failure,
    /// or when the gateway that read it is gone. Default 5 s. A restarted gateway takes its own unacknowledged messages back at once.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a processed message id is remembered, so that a redelivery of it is acknowledged without running the handler again. Default 24 h.</summary>
    public TimeSpan ProcessedIdRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a reader waits before looking again when its stream is empty. Default 50 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How many messages one read takes from a stream. Default 64.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>
    /// The network's secret (the same as <c>GatewayNetworkOptions.NetworkKey</c>, at least 32 bytes): every message is
    /// signed with it, and a message without a valid signature is dead-lettered instead of run. Without it, anyone who
    /// may write to the durable streams can queue a message as any sender, and a warning says so when the queue connects.
    /// </summary>
    public string? NetworkKey { get; set; }

    /// <summary>Where the queue logs redeliveries, failures and dead letters; none when <see langword="null"/>.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    internal RedisDurableQueueOptions ValidatedCopy()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(NetworkName, nameof(NetworkName));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RetryDelay, TimeSpan.Zero, nameof(RetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ProcessedIdRetention, TimeSpan.Zero, nameof(ProcessedIdRetention));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollInterval, TimeSpan.Zero, nameof(PollInterval));
        if (NetworkKey is not null && System.Text.Encoding.UTF8.GetByteCount(NetworkKey) < 32)
        {
            throw new ArgumentException("RedisDurableQueueOptions.NetworkKey must be at least 32 bytes (for example the 44 characters that `openssl rand -base64 32` prints).", nameof(NetworkKey));
        }

        return (RedisDurableQueueOptions)MemberwiseClone();
    }
}
