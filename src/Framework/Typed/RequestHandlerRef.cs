namespace Switchboard;

/// <summary>
/// A handler that takes no payload and returns a <typeparamref name="TResponse"/>: its gateway declaration answers
/// requests (Ignition's <c>sendRequest</c>), and it can be sent messages like any other handler.
/// </summary>
/// <typeparam name="TResponse">What the gateway handler returns.</typeparam>
public sealed class RequestHandlerRef<TResponse> : MessageHandlerRef
{
    /// <summary>Names a fire-and-forget handler.</summary>
    /// <param name="project">The project.</param>
    /// <param name="name">The handler name.</param>
    /// <param name="scope">Every scope that declares the name (it includes <see cref="Scope.Gateway"/>).</param>
    /// <exception cref="ArgumentException">The project or name is empty or longer than 1,024 characters.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The scope is not a combination of C, G and S.</exception>
    public RequestHandlerRef(string project, string name, Scope scope)
        : this(project, name, scope, DeliveryMode.FireAndForget)
    {
    }

    /// <summary>Names a handler with its delivery mode (the generated field of a durable handler passes <see cref="DeliveryMode.Durable"/>).</summary>
    /// <param name="project">The project.</param>
    /// <param name="name">The handler name.</param>
    /// <param name="scope">Every scope that declares the name (it includes <see cref="Scope.Gateway"/>).</param>
    /// <param name="delivery">How sends reach it (<see cref="HandlerRef.Delivery"/>).</param>
    /// <exception cref="ArgumentException">The project or name is empty or longer than 1,024 characters.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The scope is not a combination of C, G and S, or the delivery mode is unknown.</exception>
    public RequestHandlerRef(string project, string name, Scope scope, DeliveryMode delivery)
        : base(project, name, scope, delivery)
    {
    }

    /// <summary>Ignition's <c>sendRequest</c>: calls the gateway handler and returns its value.</summary>
    /// <param name="sender">Who asks: a gateway, client, session or designer.</param>
    /// <param name="remoteServer">A remote gateway to ask instead of the local one.</param>
    /// <param name="timeout">How long to wait; the gateway's default (60 s) when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the wait and signals the handler.</param>
    /// <returns>The handler's return value.</returns>
    /// <exception cref="MessageHandlerNotFoundException">The gateway has no handler of that name in that project.</exception>
    /// <exception cref="MessageHandlerFailedException">The handler threw; the inner exception is the handler's.</exception>
    /// <exception cref="RequestTimeoutException">No response within the timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="MessageDeniedException">The sender lacks the handler's required role.</exception>
    /// <exception cref="GatewayUnreachableException">The remote gateway is unknown or not running.</exception>
    public Task<TResponse> RequestAsync(
        IMessageSender sender, string? remoteServer = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        RequestCoreAsync<TResponse>(sender, null, remoteServer, timeout, cancellationToken);
}
