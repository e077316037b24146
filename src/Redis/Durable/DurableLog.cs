using Microsoft.Extensions.Logging;

namespace Switchboard.Redis.Durable;

/// <summary>The durable queue's log lines (event ids 50 and up).</summary>
internal static partial class DurableLog
{
    [LoggerMessage(EventId = 50, Level = LogLevel.Warning,
        Message = "Durable message {MessageId} to {Project}/{MessageHandler} failed (attempt {Attempt} of {MaxAttempts}); it is delivered again after the retry delay.")]
    public static partial void Failed(ILogger logger, Exception exception, string messageId, string project, string messageHandler, long attempt, int maxAttempts);

    [LoggerMessage(EventId = 51, Level = LogLevel.Error,
        Message = "Durable message {MessageId} to {Project}/{MessageHandler} moved to the dead-letter stream after {Attempts} failed attempts: {Error}. Inspect it with RedisDurableQueue.GetDeadLettersAsync and replay it with ReplayDeadLetterAsync.")]
    public static partial void DeadLettered(ILogger logger, string messageId, string project, string messageHandler, long attempts, string error);

    [LoggerMessage(EventId = 52, Level = LogLevel.Debug, Message = "Durable message {MessageId} was already processed; acknowledged without running its handler again.")]
    public static partial void Duplicate(ILogger logger, string messageId);

    [LoggerMessage(EventId = 53, Level = LogLevel.Warning, Message = "Reading durable messages of {Gateway}/{Project} failed; retrying.")]
    public static partial void ReadFailed(ILogger logger, Exception exception, string gateway, string project);

    [LoggerMessage(EventId = 54, Level = LogLevel.Warning,
        Message = "The durable queue of network \"{Network}\" has no NetworkKey: its messages are not signed, so anyone who can write to its Redis streams can queue a message as any sender. Set RedisDurableQueueOptions.NetworkKey and limit the stream commands with Redis ACLs.")]
    public static partial void Unsigned(ILogger logger, string network);
}
