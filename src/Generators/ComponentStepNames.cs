namespace Switchboard.Generators;

/// <summary>The tracking names of <see cref="ComponentMessageGenerator"/>'s pipeline steps, for incremental-caching tests.</summary>
public static class ComponentStepNames
{
    /// <summary>Each <c>[ComponentMessageHandler]</c> method parsed into its valid handlers.</summary>
    public const string ComponentHandlers = nameof(ComponentHandlers);

    /// <summary>The namespace of the generated class.</summary>
    public const string ComponentNamespace = nameof(ComponentNamespace);

    /// <summary>The handlers grouped by message type.</summary>
    public const string ComponentMessages = nameof(ComponentMessages);
}
