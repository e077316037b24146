using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Switchboard.Redis;

/// <summary>The Redis transport's log lines (event ids 40 and up).</summary>
internal static partial class RedisLog
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Warning,
        Message = "Redis {ConnectionType} connection to {EndPoint} failed ({FailureType}): {Reason}. StackExchange.Redis reconnects by itself.")]
    public static partial void ConnectionFailed(ILogger logger, string endPoint, ConnectionType connectionType, ConnectionFailureType failureType, string reason);

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "Redis {ConnectionType} connection to {EndPoint} restored.")]
    public static partial void ConnectionRestored(ILogger logger, string endPoint, ConnectionType connectionType);

    [LoggerMessage(EventId = 42, Level = LogLevel.Error, Message = "StackExchange.Redis reported an internal error in {Origin} for {EndPoint}.")]
    public static partial void InternalError(ILogger logger, Exception exception, string origin, string endPoint);

    [LoggerMessage(EventId = 43, Level = LogLevel.Warning,
        Message = "The gateway network \"{Network}\" has no NetworkKey: its messages are neither signed nor checked, so anyone who can PUBLISH to this Redis can run any handler as any gateway or user. " +
                  "Set GatewayNetworkOptions.NetworkKey (Switchboard:Redis:NetworkKey when hosted) on every member, and limit who may publish with Redis ACLs; see the README, \"Securing the network\".")]
    public static partial void Unauthenticated(ILogger logger, string network);
}
