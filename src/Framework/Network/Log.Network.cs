using Microsoft.Extensions.Logging;
using Switchboard.Network;

namespace Switchboard;

/// <summary>The gateway network's log lines (event ids 20 and up).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Warning,
        Message = "Dropped a message on channel {Channel} ({Reason}): {Detail}. {Unlogged} earlier drop(s) were counted but not logged.")]
    public static partial void MessageDropped(ILogger logger, string channel, DropReason reason, string detail, long unlogged);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Gateway \"{Gateway}\" joined the gateway network \"{Network}\" (node {Node}).")]
    public static partial void JoinedNetwork(ILogger logger, string gateway, string network, string node);

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "Gateway \"{Gateway}\" left the gateway network \"{Network}\".")]
    public static partial void LeftNetwork(ILogger logger, string gateway, string network);

    [LoggerMessage(EventId = 23, Level = LogLevel.Information,
        Message = "Remote client {SessionId} (project \"{Project}\", user \"{User}\") attached to gateway \"{Gateway}\" from node {Node}.")]
    public static partial void RemoteClientAttached(ILogger logger, string sessionId, string project, string? user, string gateway, string node);

    [LoggerMessage(EventId = 24, Level = LogLevel.Warning, Message = "Remote client {SessionId} is no longer selected by gateway \"{Gateway}\": {Reason}")]
    public static partial void RemoteClientGone(ILogger logger, string sessionId, string gateway, string reason);

    [LoggerMessage(EventId = 25, Level = LogLevel.Warning, Message = "Gateway \"{Gateway}\" cannot attach remote client {SessionId}: {Reason}")]
    public static partial void RemoteClientRefused(ILogger logger, string sessionId, string gateway, string reason);

    [LoggerMessage(EventId = 26, Level = LogLevel.Warning,
        Message = "The gateway network \"{Network}\" lost its connection ({Reason}); {Failed} send(s) and request(s) waiting for an answer failed. It reconnects by itself.")]
    public static partial void ConnectionLost(ILogger logger, string network, string reason, int failed);

    [LoggerMessage(EventId = 27, Level = LogLevel.Information, Message = "The gateway network \"{Network}\" is connected again ({Reason}).")]
    public static partial void ConnectionRestored(ILogger logger, string network, string reason);

    [LoggerMessage(EventId = 28, Level = LogLevel.Warning, Message = "Could not send the reply to message {Id} to {Channel}: {Reason}")]
    public static partial void ReplyNotSent(ILogger logger, string id, string channel, string reason);

    [LoggerMessage(EventId = 29, Level = LogLevel.Warning,
        Message = "Gateway {Gateway} could not deliver message handler \"{MessageHandler}\" in project \"{Project}\" from the network: {Reason}")]
    public static partial void NetworkDeliveryFailed(ILogger logger, string gateway, string messageHandler, string project, string reason);

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning,
        Message = "Could not forward message handler \"{MessageHandler}\" in project \"{Project}\" to remote client {SessionId} of gateway \"{Gateway}\": {Reason}")]
    public static partial void ForwardFailed(ILogger logger, string messageHandler, string project, string sessionId, string gateway, string reason);

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning,
        Message = "Remote client {SessionId}: gateway \"{Gateway}\" does not answer; the client keeps trying and attaches again when it is back.")]
    public static partial void ClientGatewayLost(ILogger logger, string sessionId, string gateway);

    [LoggerMessage(EventId = 32, Level = LogLevel.Information, Message = "Remote client {SessionId}: gateway \"{Gateway}\" answers again.")]
    public static partial void ClientGatewayBack(ILogger logger, string sessionId, string gateway);

    [LoggerMessage(EventId = 34, Level = LogLevel.Information, Message = "Remote client {SessionId} disconnected from gateway \"{Gateway}\".")]
    public static partial void RemoteClientDetached(ILogger logger, string sessionId, string gateway);

    [LoggerMessage(EventId = 33, Level = LogLevel.Error, Message = "Handling a \"{Kind}\" message from channel {Channel} failed.")]
    public static partial void MessageHandlingFailed(ILogger logger, Exception exception, string kind, string channel);
}
