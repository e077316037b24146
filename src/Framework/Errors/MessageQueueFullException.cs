namespace Switchboard;

/// <summary>A request could not be queued because the handler's queue was full; nothing was run.</summary>
public sealed class MessageQueueFullException : MessagingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="project">The project.</param>
    /// <param name="messageHandler">The handler.</param>
    public MessageQueueFullException(string project, string messageHandler)
        : base(project, messageHandler,
            $"The queue for message handler \"{messageHandler}\" in project \"{project}\" is full; retry later or raise the queue capacity in GatewayOptions.")
    {
    }
}
