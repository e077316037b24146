namespace Switchboard;

/// <summary>A request's handler threw; <see cref="Exception.InnerException"/> is what it threw.</summary>
public sealed class MessageHandlerFailedException : MessagingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="project">The project.</param>
    /// <param name="messageHandler">The handler that failed.</param>
    /// <param name="innerException">What the handler threw.</param>
    public MessageHandlerFailedException(string project, string messageHandler, Exception innerException)
        : base(project, messageHandler,
            $"The message handler \"{messageHandler}\" in project \"{project}\" failed: {innerException.Message}", innerException)
    {
    }
}
