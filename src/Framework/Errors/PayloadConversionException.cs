namespace Switchboard;

/// <summary>
/// A payload could not be converted to what the handler takes (for example a dictionary with a key of the wrong
/// type sent to a typed handler). Thrown to the sender before anything is queued.
/// </summary>
public sealed class PayloadConversionException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="project">The project.</param>
    /// <param name="messageHandler">The handler.</param>
    /// <param name="payloadType">The type the handler takes.</param>
    /// <param name="key">The offending key or property, when known.</param>
    /// <param name="detail">What is wrong, in a sentence.</param>
    /// <param name="innerException">The cause, if any.</param>
    public PayloadConversionException(
        string project, string messageHandler, Type payloadType, string? key, string detail, Exception? innerException = null)
        : base(
            $"The payload for message handler \"{messageHandler}\" in project \"{project}\" cannot be converted to " +
            $"{payloadType.FullName}{(key is null ? "" : $" at key \"{key}\"")}: {detail}",
            "payload",
            innerException)
    {
        Project = project;
        MessageHandler = messageHandler;
        PayloadType = payloadType;
        Key = key;
    }

    /// <summary>The project.</summary>
    public string Project { get; }

    /// <summary>The handler.</summary>
    public string MessageHandler { get; }

    /// <summary>The type the handler takes.</summary>
    public Type PayloadType { get; }

    /// <summary>The offending key or property, when known.</summary>
    public string? Key { get; }
}
