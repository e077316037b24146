namespace Switchboard.AspNetCore;

/// <summary>
/// Marks a method of a <see cref="MessagingComponentBase"/> as a component message handler (Perspective's
/// component message handler): it runs on the circuit's dispatcher for each message of that type sent with a scope it
/// listens on, and the component re-renders afterwards.
/// </summary>
/// <remarks>
/// The method returns <see langword="void"/>, <see cref="Task"/> or <see cref="ValueTask"/> and takes no parameter or
/// one payload parameter; a payload of another shape is converted with System.Text.Json.
/// </remarks>
/// <example>
/// <code>
/// [ComponentMessageHandler("refresh", ListenScope.Page)]
/// private void OnRefresh(RefreshRequest request) => lastRefresh = request.At;
/// </code>
/// </example>
/// <param name="messageType">The message type it handles (case-sensitive).</param>
/// <param name="scopes">The scopes it listens on; <see cref="ListenScope.Page"/> by default.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class ComponentMessageHandlerAttribute(string messageType, ListenScope scopes = ListenScope.Page) : Attribute
{
    /// <summary>The message type it handles.</summary>
    public string MessageType { get; } = messageType;

    /// <summary>The scopes it listens on.</summary>
    public ListenScope Scopes { get; } = scopes;
}
