namespace Switchboard.Network;

/// <summary>
/// What a handler on a remote gateway threw, as far as it crosses the network: its type name, message and stack trace.
/// It is the <see cref="Exception.InnerException"/> of the <see cref="MessageHandlerFailedException"/> a remote request throws.
/// </summary>
public sealed class RemoteHandlerException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="serverName">The gateway whose handler failed.</param>
    /// <param name="remoteType">The full type name of the exception the handler threw.</param>
    /// <param name="message">Its message.</param>
    /// <param name="remoteStackTrace">Its stack trace, when the remote side sent one.</param>
    public RemoteHandlerException(string serverName, string remoteType, string message, string? remoteStackTrace)
        : base(message)
    {
        ServerName = serverName;
        RemoteType = remoteType;
        RemoteStackTrace = remoteStackTrace;
    }

    /// <summary>The gateway whose handler failed.</summary>
    public string ServerName { get; }

    /// <summary>The full type name of the exception the handler threw, for example <c>System.InvalidOperationException</c>.</summary>
    public string RemoteType { get; }

    /// <summary>The handler's stack trace on the remote gateway, when it was sent.</summary>
    public string? RemoteStackTrace { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{GetType().FullName}: {RemoteType} on gateway \"{ServerName}\": {Message}{Environment.NewLine}{RemoteStackTrace}";
}
