using Microsoft.Extensions.Logging;

namespace Switchboard;

/// <summary>Every log line the runtime writes, with stable event ids.</summary>
internal static partial class Log
{
    // Ignition's own text first, so that operators searching their logs find it; once per send, naming every scope
    // of the send that lacked the handler.
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "The message handler \"{MessageHandler}\" could not be found! (project \"{Project}\", scope {Scope})")]
    public static partial void HandlerNotFound(ILogger logger, string messageHandler, string project, string scope);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error,
        Message = "The message handler \"{MessageHandler}\" in project \"{Project}\" failed on {Endpoint}.")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string messageHandler, string project, string endpoint);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "Denied message handler \"{MessageHandler}\" in project \"{Project}\": the sender lacks the role \"{RequiredRole}\".")]
    public static partial void Denied(ILogger logger, string messageHandler, string project, string requiredRole);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning,
        Message = "The queue for message handler \"{MessageHandler}\" in project \"{Project}\" on {Endpoint} is full; the message was not queued.")]
    public static partial void QueueFull(ILogger logger, string messageHandler, string project, string endpoint);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error,
        Message = "{Endpoint} closed with {Pending} accepted message(s) still pending after the drain timeout of {Timeout}.")]
    public static partial void DrainTimedOut(ILogger logger, string endpoint, int pending, TimeSpan timeout);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning,
        Message = "The gateway \"{ServerName}\" is unreachable for message handler \"{MessageHandler}\": {Reason}")]
    public static partial void Unreachable(ILogger logger, string serverName, string messageHandler, string reason);
}
