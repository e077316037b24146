namespace Switchboard;

/// <summary>A request's sender lacks the role the handler requires; the handler did not run.</summary>
public sealed class MessageDeniedException : MessagingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="project">The project.</param>
    /// <param name="messageHandler">The handler.</param>
    /// <param name="requiredRole">The role the sender lacks.</param>
    public MessageDeniedException(string project, string messageHandler, string requiredRole)
        : base(project, messageHandler,
            $"The message handler \"{messageHandler}\" in project \"{project}\" requires the role \"{requiredRole}\", which the sender does not hold.")
    {
        RequiredRole = requiredRole;
    }

    /// <summary>The role the sender lacks.</summary>
    public string RequiredRole { get; }
}
