using Microsoft.Extensions.Logging;

namespace Switchboard.AspNetCore;

internal static partial class BrowserSessionLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Component message handler \"{MessageType}\" of {Component} in session {SessionId} failed")]
    public static partial void ComponentHandlerFailed(ILogger logger, Exception exception, string messageType, string component, string? sessionId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Browser session {SessionId} opened for user {User} from {Address}")]
    public static partial void SessionOpened(ILogger logger, string sessionId, string? user, string? address);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Browser session {SessionId} closed")]
    public static partial void SessionClosed(ILogger logger, string sessionId);
}
