namespace Switchboard;

/// <summary>The base of the exceptions Switchboard throws about a particular handler.</summary>
public abstract class MessagingException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="project">The project the message was for.</param>
    /// <param name="messageHandler">The handler the message was for.</param>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected MessagingException(string project, string messageHandler, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Project = project;
        MessageHandler = messageHandler;
    }

    /// <summary>The project the message was for.</summary>
    public string Project { get; }

    /// <summary>The handler the message was for.</summary>
    public string MessageHandler { get; }
}
