using System.ComponentModel;

namespace Switchboard;

/// <summary>
/// What the generated <c>Request…AllAsync</c> and <c>Request…AllStreamAsync</c> stubs call: a request-all to one
/// handler whose default scope is Ignition's default narrowed to the scopes where the handler answers (returns a
/// value), so that a typed request-all without a scope never asks a handler that cannot answer.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RequestAllStubs
{
    /// <summary>The payload of a stub that takes one: a request-all's payload, when its handler takes one, is required.</summary>
    /// <typeparam name="TPayload">The payload type.</typeparam>
    /// <param name="payload">The payload.</param>
    /// <returns><paramref name="payload"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="payload"/> is <see langword="null"/>.</exception>
    public static object Payload<TPayload>(TPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload;
    }

    /// <summary>A request-all, gathered: one result per selected target.</summary>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="sender">Who asks.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="answering">The scopes whose declarations return a value.</param>
    /// <param name="payload">The payload (see <see cref="Payload{TPayload}"/>), or <see langword="null"/> for a handler that takes none.</param>
    /// <param name="scope">Where to ask; <see langword="null"/> for the default narrowed to <paramref name="answering"/>.</param>
    /// <param name="clientSessionId">Only the client or session with this session id.</param>
    /// <param name="user">Only clients and sessions where this user is logged in.</param>
    /// <param name="hasRole">Only clients and sessions whose user has this role.</param>
    /// <param name="hostName">Only clients and sessions on this host.</param>
    /// <param name="remoteServers">Gateway names to ask instead of the local gateway.</param>
    /// <param name="timeout">How long to wait for every answer.</param>
    /// <param name="cancellationToken">Stops waiting and signals the handlers.</param>
    /// <returns>One result per selected target.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sender"/> or <paramref name="handler"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No scope was given and the default reaches no scope where the handler answers.</exception>
    public static ValueTask<RequestAllReport<TResponse>> RequestAllAsync<TResponse>(
        IMessageSender sender,
        HandlerRef handler,
        Scope answering,
        object? payload,
        Scope? scope,
        string? clientSessionId,
        string? user,
        string? hasRole,
        string? hostName,
        IReadOnlyList<string>? remoteServers,
        TimeSpan? timeout,
        CancellationToken cancellationToken)
    {
        var resolved = ResolveScope(sender, handler, answering, scope, user, hasRole, hostName);
        return sender.RequestAllAsync<TResponse>(
            handler.Project, handler.Name, payload, resolved, clientSessionId, user, hasRole, hostName, remoteServers, timeout, cancellationToken);
    }

    /// <summary>A request-all, streamed: each result as it arrives.</summary>
    /// <inheritdoc cref="RequestAllAsync{TResponse}" path="/typeparam|/param|/exception"/>
    /// <returns>The results as they arrive.</returns>
    public static IAsyncEnumerable<RequestAllResult<TResponse>> RequestAllStreamAsync<TResponse>(
        IMessageSender sender,
        HandlerRef handler,
        Scope answering,
        object? payload,
        Scope? scope,
        string? clientSessionId,
        string? user,
        string? hasRole,
        string? hostName,
        IReadOnlyList<string>? remoteServers,
        TimeSpan? timeout,
        CancellationToken cancellationToken)
    {
        var resolved = ResolveScope(sender, handler, answering, scope, user, hasRole, hostName);
        return sender.RequestAllStreamAsync<TResponse>(
            handler.Project, handler.Name, payload, resolved, clientSessionId, user, hasRole, hostName, remoteServers, timeout, cancellationToken);
    }

    // The sender and handler are checked first, so that a null one is an ArgumentNullException, not a NullReferenceException.
    private static Scope ResolveScope(IMessageSender sender, HandlerRef handler, Scope answering, Scope? scope, string? user, string? hasRole, string? hostName)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(handler);
        return handler.ResolveScopeWithin(answering, forRequestAll: true, scope, user, hasRole, hostName);
    }
}
