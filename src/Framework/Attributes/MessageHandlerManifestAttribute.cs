using System.ComponentModel;

namespace Switchboard;

/// <summary>
/// Emitted by the Switchboard source generator, one per handler, so that other compilations and the analyzers can
/// see which handlers an assembly declares. Not meant to be written by hand.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MessageHandlerManifestAttribute : Attribute
{
    /// <summary>Records one handler.</summary>
    /// <param name="project">The handler's project.</param>
    /// <param name="name">The handler name.</param>
    /// <param name="scope">The scopes that declare the handler.</param>
    /// <param name="payloadType">The payload type, or <see langword="null"/> when the handler takes none.</param>
    /// <param name="responseType">
    /// The gateway declaration's response type, or <see langword="null"/> when it returns nothing; for a name that no
    /// gateway declaration has, the type its client and session declarations answer request-alls with (or <see langword="null"/>).
    /// </param>
    public MessageHandlerManifestAttribute(string project, string name, Scope scope, Type? payloadType, Type? responseType)
    {
        Project = project;
        Name = name;
        Scope = scope;
        PayloadType = payloadType;
        ResponseType = responseType;
    }

    /// <summary>The handler's project.</summary>
    public string Project { get; }

    /// <summary>The handler name.</summary>
    public string Name { get; }

    /// <summary>The scopes that declare the handler.</summary>
    public Scope Scope { get; }

    /// <summary>The payload type, or <see langword="null"/>.</summary>
    public Type? PayloadType { get; }

    /// <summary>The response type, or <see langword="null"/>.</summary>
    public Type? ResponseType { get; }

    /// <summary>How sends reach the gateway handler; set only when it is <see cref="DeliveryMode.Durable"/>.</summary>
    public DeliveryMode Delivery { get; set; }
}
