namespace Switchboard;

/// <summary>A request named a remote gateway that is unknown or not running.</summary>
public sealed class GatewayUnreachableException : MessagingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="project">The project.</param>
    /// <param name="messageHandler">The handler.</param>
    /// <param name="serverName">The gateway that could not be reached.</param>
    /// <param name="reason">Why, in a sentence.</param>
    public GatewayUnreachableException(string project, string messageHandler, string serverName, string reason)
        : base(project, messageHandler, $"The gateway \"{serverName}\" is unreachable: {reason}")
    {
        ServerName = serverName;
    }

    /// <summary>The gateway that could not be reached.</summary>
    public string ServerName { get; }
}
