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
    /// <summary>A request-all with a payload, gathered.</summary>
    /// <typeparam name="TPayload">The payload type.</typeparam>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="sender">Who asks.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="answering">The scopes whose declarations return a value.</param>
    /// <param name="payload">The payload.</param>
    /// <param name="scope">Where to ask; <see langword="null"/> for the default narrowed to <paramref name="answering"/>.</param>
    /// <param name="clientSessionId">Only the client or session with this session id.</param>
    /// <param name="user">Only clients and sessions where this user is logged in.</param>
    /// <param name="hasRole">Only clients and sessions whose user has this role.</param>
    /// <param name="hostName">Only clients and sessions on this host.</param>
    /// <param name="remoteServers">Gateway names to ask instead of the local gateway.</param>
    /// <param name="timeout">How long to wait for every answer.</param>
    /// <param name="cancellationToken">Stops waiting and signals the handlers.</param>
    /// <returns>One result per selected target.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sender"/>, <paramref name="handler"/> or <paramref name="payload"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No scope was given and the default reaches no scope where the handler answers.</exception>
    public static ValueTask<RequestAllReport<TResponse>> RequestAllAsync<TPayload, TResponse>(
        IMessageSender sender,
        HandlerRef handler,
        Scope answering,
        TPayload payload,
        Scope? scope,
        string? clientSessionId,
        string? user,
        string? hasRole,
        string? hostName,
        IReadOnlyList<string>? remoteServers,
        TimeSpan? timeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return RequestAllAsync<TResponse>(sender, handler, answering, (object)payload, scope, clientSessionId, user, hasRole, hostName, remoteServers, timeout, cancellationToken);
    }

    /// <summary>A request-all without a payload, gathered.</summary>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="sender">Who asks.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="answering">The scopes whose declarations return a value.</param>
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
        Scope? scope,
        string? clientSessionId,
        string? user,
        string? hasRole,
        string? hostName,
        IReadOnlyList<string>? remoteServers,
        TimeSpan? timeout,
        CancellationToken cancellationToken) =>
        RequestAllAsync<TResponse>(sender, handler, answering, payload: null, scope, clientSessionId, user, hasRole, hostName, remoteServers, timeout, cancellationToken);

    /// <summary>A request-all with a payload, streamed.</summary>
    /// <typeparam name="TPayload">The payload type.</typeparam>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="sender">Who asks.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="answering">The scopes whose declarations return a value.</param>
    /// <param name="payload">The payload.</param>
    /// <param name="scope">Where to ask; <see langword="null"/> for the default narrowed to <paramref name="answering"/>.</param>
    /// <param name="clientSessionId">Only the client or session with this session id.</param>
    /// <param name="user">Only clients and sessions where this user is logged in.</param>
    /// <param name="hasRole">Only clients and sessions whose user has this role.</param>
    /// <param name="hostName">Only clients and sessions on this host.</param>
    /// <param name="remoteServers">Gateway names to ask instead of the local gateway.</param>
    /// <param name="timeout">How long to wait for every answer.</param>
    /// <param name="cancellationToken">Stops waiting and signals the handlers.</param>
    /// <returns>The results as they arrive.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sender"/>, <paramref name="handler"/> or <paramref name="payload"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No scope was given and the default reaches no scope where the handler answers.</exception>
    public static IAsyncEnumerable<RequestAllResult<TResponse>> RequestAllStreamAsync<TPayload, TResponse>(
        IMessageSender sender,
        HandlerRef handler,
        Scope answering,
        TPayload payload,
        Scope? scope,
        string? clientSessionId,
        string? user,
        string? hasRole,
        string? hostName,
        IReadOnlyList<string>? remoteServers,
        TimeSpan? timeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return RequestAllStreamAsync<TResponse>(sender, handler, answering, (object)payload, scope, clientSessionId, user, hasRole, hostName, remoteServers, timeout, cancellationToken);
    }

    /// <summary>A request-all without a payload, streamed.</summary>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="sender">Who asks.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="answering">The scopes whose declarations return a value.</param>
    /// <param name="scope">Where to ask; <see langword="null"/> for the default narrowed to <paramref name="answering"/>.</param>
    /// <param name="clientSessionId">Only the client or session with this session id.</param>
    /// <param name="user">Only clients and sessions where this user is logged in.</param>
    /// <param name="hasRole">Only clients and sessions whose user has this role.</param>
    /// <param name="hostName">Only clients and sessions on this host.</param>
    /// <param name="remoteServers">Gateway names to ask instead of the local gateway.</param>
    /// <param name="timeout">How long to wait for every answer.</param>
    /// <param name="cancellationToken">Stops waiting and signals the handlers.</param>
    /// <returns>The results as they arrive.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sender"/> or <paramref name="handler"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No scope was given and the default reaches no scope where the handler answers.</exception>
    public static IAsyncEnumerable<RequestAllResult<TResponse>> RequestAllStreamAsync<TResponse>(
        IMessageSender sender,
        HandlerRef handler,
        Scope answering,
        Scope? scope,
        string? clientSessionId,
        string? user,
        string? hasRole,
        string? hostName,
        IReadOnlyList<string>? remoteServers,
        TimeSpan? timeout,
        CancellationToken cancellationToken) =>
        RequestAllStreamAsync<TResponse>(sender, handler, answering, payload: null, scope, clientSessionId, user, hasRole, hostName, remoteServers, timeout, cancellationToken);

    private static ValueTask<RequestAllReport<TResponse>> RequestAllAsync<TResponse>(
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
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(handler);
        return sender.RequestAllAsync<TResponse>(
            handler.Project, handler.Name, payload, handler.ResolveScopeWithin(answering, forRequestAll: true, scope, user, hasRole, hostName), clientSessionId, user, hasRole,
            hostName, remoteServers, timeout, cancellationToken);
    }

    private static IAsyncEnumerable<RequestAllResult<TResponse>> RequestAllStreamAsync<TResponse>(
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
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(handler);
        return sender.RequestAllStreamAsync<TResponse>(
            handler.Project, handler.Name, payload, handler.ResolveScopeWithin(answering, forRequestAll: true, scope, user, hasRole, hostName), clientSessionId, user, hasRole,
            hostName, remoteServers, timeout, cancellationToken);
    }
}
