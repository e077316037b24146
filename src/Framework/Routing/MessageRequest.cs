namespace Switchboard;

/// <summary>
/// One request (Ignition's <c>sendRequest</c>), as a single value: who asks, which project and gateway handler, with
/// what payload, and on which remote server (<see langword="null"/> for this gateway). Built once where a request
/// enters routing, it flows unchanged to the local queue, remote delivery and the network, as
/// <see cref="MessageSend"/> does for sends.
/// </summary>
/// <param name="Sender">The identity the handler sees as <see cref="MessageContext.Sender"/>.</param>
/// <param name="Project">The project.</param>
/// <param name="Handler">The gateway handler's name.</param>
/// <param name="Payload">The payload as the sender gave it, or a deferred payload from the gateway network.</param>
/// <param name="RemoteServer">The gateway to ask instead of this one, or <see langword="null"/>.</param>
internal readonly record struct MessageRequest(SenderInfo Sender, string Project, string Handler, object? Payload, string? RemoteServer)
{
    /// <summary>Checks a request's names and names the result.</summary>
    /// <exception cref="ArgumentException">The project or handler is empty, or a name is longer than <see cref="NameRule.MaxLength"/>.</exception>
    public static MessageRequest Create(SenderInfo sender, string project, string messageHandler, object? payload, string? remoteServer)
    {
        MessageNames.Check(project);
        MessageNames.Check(messageHandler);
        MessageNames.CheckLength(remoteServer);
        return new MessageRequest(sender, project, messageHandler, payload, remoteServer);
    }
}
