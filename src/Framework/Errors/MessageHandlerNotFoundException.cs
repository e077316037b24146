namespace Switchboard;

/// <summary>A request named a gateway handler that the gateway's project does not have.</summary>
public sealed class MessageHandlerNotFoundException : MessagingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="project">The project.</param>
    /// <param name="messageHandler">The handler name that was not found.</param>
    /// <param name="gatewayName">The gateway that was asked.</param>
    public MessageHandlerNotFoundException(string project, string messageHandler, string gatewayName)
        : base(project, messageHandler,
            $"The message handler \"{messageHandler}\" could not be found! Gateway \"{gatewayName}\" has no gateway-scope " +
            $"handler of that name in project \"{project}\"; check the name, or register the project with Gateway.AddProject.")
    {
        GatewayName = gatewayName;
    }

    /// <summary>The gateway that was asked.</summary>
    public string GatewayName { get; }
}
