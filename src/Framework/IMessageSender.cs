namespace Switchboard;

/// <summary>
/// Sends messages and requests to message handlers, with Ignition's <c>system.util.sendMessage</c> and
/// <c>sendRequest</c> semantics. Implemented by <see cref="Gateway"/>, <see cref="Client"/>, <see cref="Session"/>
/// and <see cref="Designer"/>; the generated typed stubs are extension methods over it.
/// </summary>
public interface IMessageSender
{
    /// <summary>
    /// Ignition's <c>system.util.sendMessage</c>: selects the targets, queues the message for each, and returns one
    /// Ignition-formatted string per system selected for delivery (gateway first, then clients, then sessions).
    /// Handlers run later, on their threading.
    /// </summary>
    /// <param name="project">The project containing the handler.</param>
    /// <param name="messageHandler">The handler name.</param>
    /// <param name="payload">The payload; <see langword="null"/> sends an empty dictionary.</param>
    /// <param name="scope">Scope letters such as <c>"CG"</c>; defaults to <c>"CS"</c> when <paramref name="user"/>, <paramref name="hasRole"/> or <paramref name="hostName"/> is given, else <c>"CGS"</c>.</param>
    /// <param name="clientSessionId">Only the client or session with this session id.</param>
    /// <param name="user">Only clients and sessions where this user is logged in.</param>
    /// <param name="hasRole">Only clients and sessions whose user has this role.</param>
    /// <param name="hostName">Only clients and sessions on this host.</param>
    /// <param name="remoteServers">
    /// Gateway names to deliver to instead of the local gateway. One <c>type=RemoteGateway</c> line per server; its
    /// <c>SENT</c> means the message went to the gateway network (handed to the transport without waiting for it, to a
    /// gateway that presence hears), so a loop of sends pipelines; <c>UNREACHABLE</c> means it did not.
    /// </param>
    /// <returns>One string per selected system, for example <c>type=Gateway,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=CG, user=, hasRole=},sendStatus=SENT</c>.</returns>
    /// <exception cref="ArgumentException">The project or handler name is empty, a name is longer than 1,024 characters, or the scope string is invalid.</exception>
    /// <exception cref="PayloadConversionException">The payload cannot be converted to what a selected handler takes.</exception>
    /// <exception cref="InvalidOperationException">
    /// The sender is a read-only designer, or the send reaches a gateway handler declared <see cref="DeliveryMode.Durable"/>
    /// in a project of the sender's gateway (use <see cref="SendAsync"/> or the typed stub, which wait for the durable queue).
    /// </exception>
    /// <exception cref="ObjectDisposedException">The sender or its gateway has been closed.</exception>
    IReadOnlyList<string> SendMessage(
        string project,
        string messageHandler,
        IReadOnlyDictionary<string, object?>? payload = null,
        [ScopeLetters] string? scope = null,
        string? clientSessionId = null,
        string? user = null,
        string? hasRole = null,
        string? hostName = null,
        IReadOnlyList<string>? remoteServers = null);

    /// <summary>
    /// The typed core of <see cref="SendMessage"/>: selects and queues, then reports each selected system as a
    /// <see cref="DeliveryResult"/>. The generated <c>Send…Async</c> stubs call this.
    /// </summary>
    /// <param name="project">The project containing the handler.</param>
    /// <param name="messageHandler">The handler name.</param>
    /// <param name="payload">A typed payload or a dictionary; <see langword="null"/> for none.</param>
    /// <param name="scope">Where to deliver; <see langword="null"/> for Ignition's default (see <see cref="SendMessage"/>).</param>
    /// <param name="clientSessionId">Only the client or session with this session id.</param>
    /// <param name="user">Only clients and sessions where this user is logged in.</param>
    /// <param name="hasRole">Only clients and sessions whose user has this role.</param>
    /// <param name="hostName">Only clients and sessions on this host.</param>
    /// <param name="remoteServers">Gateway names to deliver to instead of the local gateway.</param>
    /// <param name="cancellationToken">
    /// Cancels the send before anything is queued, or while it waits for room in a full queue
    /// (<see cref="QueueFullMode.Wait"/>): what it had queued by then still runs, the targets it still waited for get nothing.
    /// </param>
    /// <returns>The delivery report.</returns>
    /// <remarks>
    /// When a selected target's queue is full, the send waits for room there (<see cref="GatewayOptions.QueueFullMode"/>
    /// <see cref="QueueFullMode.Wait"/>, the default) or reports <c>QUEUE_FULL</c> for it at once (<see cref="QueueFullMode.Report"/>).
    /// When the scope includes the gateway and the sender's gateway has the project with a gateway handler of that name
    /// declared <see cref="DeliveryMode.Durable"/>, the message is stored in the gateway's <see cref="IDurableQueue"/>
    /// instead, once per remote server (else for this gateway), and every result is <c>QUEUED</c>; clients and sessions
    /// are not selected.
    /// </remarks>
    /// <exception cref="ArgumentException">The project or handler name is empty, a name is longer than 1,024 characters, or the scope is not a combination of C, G and S.</exception>
    /// <exception cref="PayloadConversionException">The payload cannot be converted to what a selected handler takes.</exception>
    /// <exception cref="InvalidOperationException">The sender is a read-only designer, or the handler is durable and the gateway has no durable queue.</exception>
    /// <exception cref="ObjectDisposedException">The sender or its gateway has been closed (also while the send waited for room).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<DeliveryReport> SendAsync(
        string project,
        string messageHandler,
        object? payload = null,
        Scope? scope = null,
        string? clientSessionId = null,
        string? user = null,
        string? hasRole = null,
        string? hostName = null,
        IReadOnlyList<string>? remoteServers = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Ignition's <c>system.util.sendRequest</c>: calls exactly one gateway handler and returns its value.
    /// </summary>
    /// <param name="project">The project containing the handler.</param>
    /// <param name="messageHandler">The gateway handler name.</param>
    /// <param name="payload">The payload; <see langword="null"/> sends an empty dictionary.</param>
    /// <param name="remoteServer">A remote gateway to ask instead of the local one.</param>
    /// <param name="timeout">How long to wait; the gateway's <see cref="GatewayOptions.RequestTimeout"/> (60 s) by default.</param>
    /// <param name="cancellationToken">Cancels the wait and signals the handler.</param>
    /// <returns>The handler's return value.</returns>
    /// <exception cref="MessageHandlerNotFoundException">No gateway handler of that name in that project.</exception>
    /// <exception cref="MessageHandlerFailedException">The handler threw; the inner exception is the handler's.</exception>
    /// <exception cref="RequestTimeoutException">No response within the timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="MessageDeniedException">The sender lacks the handler's required role.</exception>
    /// <exception cref="MessageQueueFullException">The handler's queue is full.</exception>
    /// <exception cref="GatewayUnreachableException">The remote gateway is unknown or not running.</exception>
    Task<object?> SendRequestAsync(
        string project,
        string messageHandler,
        IReadOnlyDictionary<string, object?>? payload = null,
        string? remoteServer = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default);

    /// <summary>The typed form of <see cref="SendRequestAsync(string, string, IReadOnlyDictionary{string, object?}?, string?, TimeSpan?, CancellationToken)"/>.</summary>
    /// <typeparam name="TResponse">The handler's response type.</typeparam>
    /// <param name="project">The project containing the handler.</param>
    /// <param name="messageHandler">The gateway handler name.</param>
    /// <param name="payload">A typed payload or a dictionary; <see langword="null"/> for none.</param>
    /// <param name="remoteServer">A remote gateway to ask instead of the local one.</param>
    /// <param name="timeout">How long to wait; the gateway's default when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the wait and signals the handler.</param>
    /// <returns>The handler's return value.</returns>
    /// <exception cref="ArgumentException">The project or handler name is empty, or a name is longer than 1,024 characters.</exception>
    /// <exception cref="InvalidCastException">The handler returned something that is not a <typeparamref name="TResponse"/>.</exception>
    /// <exception cref="MessageHandlerNotFoundException">No gateway handler of that name in that project.</exception>
    /// <exception cref="MessageHandlerFailedException">The handler threw; the inner exception is the handler's.</exception>
    /// <exception cref="RequestTimeoutException">No response within the timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<TResponse> SendRequestAsync<TResponse>(
        string project,
        string messageHandler,
        object? payload = null,
        string? remoteServer = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Scatter-gather: asks every client, session and gateway that the selection reaches (the same selection as
    /// <see cref="SendAsync"/>: scope, filters, remote servers) and gathers one result per selected target, with its
    /// answer or why there is none. Returns when every target has answered or the timeout has passed, whichever comes
    /// first; targets that have not answered by then are <see cref="RequestAllStatus.TimedOut"/>.
    /// </summary>
    /// <typeparam name="TResponse">The handlers' response type; <see cref="object"/> to take whatever they return.</typeparam>
    /// <param name="project">The project containing the handler.</param>
    /// <param name="messageHandler">The handler name.</param>
    /// <param name="payload">A typed payload or a dictionary; <see langword="null"/> for none.</param>
    /// <param name="scope">Where to ask; <see langword="null"/> for Ignition's default (see <see cref="SendMessage"/>).</param>
    /// <param name="clientSessionId">Only the client or session with this session id.</param>
    /// <param name="user">Only clients and sessions where this user is logged in.</param>
    /// <param name="hasRole">Only clients and sessions whose user has this role.</param>
    /// <param name="hostName">Only clients and sessions on this host.</param>
    /// <param name="remoteServers">Gateway names to ask instead of the local gateway; each asks its own targets.</param>
    /// <param name="timeout">How long to wait for every answer; the gateway's <see cref="GatewayOptions.RequestTimeout"/> (60 s) by default.</param>
    /// <param name="cancellationToken">Stops waiting (the call throws) and signals every handler that is still running.</param>
    /// <returns>One result per selected target, in selection order (gateway, clients, sessions, then remote gateways).</returns>
    /// <exception cref="ArgumentException">The project or handler name is empty, a name is longer than 1,024 characters, or the scope is not a combination of C, G and S.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is neither positive nor <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    /// <exception cref="PayloadConversionException">The payload cannot be converted to what a selected handler takes.</exception>
    /// <exception cref="InvalidOperationException">The sender is a read-only designer.</exception>
    /// <exception cref="ObjectDisposedException">The sender or its gateway has been closed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<RequestAllReport<TResponse>> RequestAllAsync<TResponse>(
        string project,
        string messageHandler,
        object? payload = null,
        Scope? scope = null,
        string? clientSessionId = null,
        string? user = null,
        string? hasRole = null,
        string? hostName = null,
        IReadOnlyList<string>? remoteServers = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The streaming form of <see cref="RequestAllAsync{TResponse}"/>: yields each target's result as it arrives
    /// (targets that cannot be asked at once, then answers in the order they come), and at the timeout every target
    /// that has not answered as <see cref="RequestAllStatus.TimedOut"/>. The names and the scope are checked at the call, the
    /// timeout when enumeration begins; nothing is sent before then.
    /// </summary>
    /// <typeparam name="TResponse">The handlers' response type; <see cref="object"/> to take whatever they return.</typeparam>
    /// <param name="project">The project containing the handler.</param>
    /// <param name="messageHandler">The handler name.</param>
    /// <param name="payload">A typed payload or a dictionary; <see langword="null"/> for none.</param>
    /// <param name="scope">Where to ask; <see langword="null"/> for Ignition's default (see <see cref="SendMessage"/>).</param>
    /// <param name="clientSessionId">Only the client or session with this session id.</param>
    /// <param name="user">Only clients and sessions where this user is logged in.</param>
    /// <param name="hasRole">Only clients and sessions whose user has this role.</param>
    /// <param name="hostName">Only clients and sessions on this host.</param>
    /// <param name="remoteServers">Gateway names to ask instead of the local gateway; each asks its own targets.</param>
    /// <param name="timeout">How long to wait for every answer; the gateway's <see cref="GatewayOptions.RequestTimeout"/> by default.</param>
    /// <param name="cancellationToken">
    /// Stops waiting (the enumeration throws) and signals every handler that is still running; so does disposing the
    /// enumerator early (leaving an <c>await foreach</c>), without the exception.
    /// </param>
    /// <returns>The results as they arrive; one per selected target in all.</returns>
    /// <exception cref="ArgumentException">The project or handler name is empty, a name is longer than 1,024 characters, or the scope is not a combination of C, G and S.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is neither positive nor <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    /// <exception cref="PayloadConversionException">The payload cannot be converted to what a selected handler takes.</exception>
    /// <exception cref="InvalidOperationException">The sender is a read-only designer.</exception>
    /// <exception cref="ObjectDisposedException">The sender or its gateway has been closed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    IAsyncEnumerable<RequestAllResult<TResponse>> RequestAllStreamAsync<TResponse>(
        string project,
        string messageHandler,
        object? payload = null,
        Scope? scope = null,
        string? clientSessionId = null,
        string? user = null,
        string? hasRole = null,
        string? hostName = null,
        IReadOnlyList<string>? remoteServers = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default);
}
