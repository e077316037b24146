namespace Switchboard;

/// <summary>A request got no response within its timeout.</summary>
public sealed class RequestTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="project">The project.</param>
    /// <param name="messageHandler">The handler that did not answer in time.</param>
    /// <param name="timeout">The timeout that elapsed.</param>
    public RequestTimeoutException(string project, string messageHandler, TimeSpan timeout)
        : base($"The request to message handler \"{messageHandler}\" in project \"{project}\" got no response within " +
               $"{timeout.TotalSeconds:0.###} s; pass a longer timeout or make the handler faster.")
    {
        Project = project;
        MessageHandler = messageHandler;
        Timeout = timeout;
    }

    /// <summary>The project.</summary>
    public string Project { get; }

    /// <summary>The handler that did not answer in time.</summary>
    public string MessageHandler { get; }

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }
}
