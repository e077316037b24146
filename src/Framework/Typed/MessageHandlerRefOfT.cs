namespace Switchboard;

/// <summary>A handler that takes a <typeparamref name="TPayload"/>. The generated <c>XMessages</c> class has one per such handler name.</summary>
/// <typeparam name="TPayload">The payload type: a class, record or struct, or <c>IReadOnlyDictionary&lt;string, object?&gt;</c>.</typeparam>
public class MessageHandlerRef<TPayload> : HandlerRef
{
    /// <summary>Names a fire-and-forget handler.</summary>
    /// <param name="project">The project.</param>
    /// <param name="name">The handler name.</param>
    /// <param name="scope">Every scope that declares the name.</param>
    /// <exception cref="ArgumentException">The project or name is empty or longer than 1,024 characters.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The scope is not a combination of C, G and S.</exception>
    public MessageHandlerRef(string project, string name, Scope scope)
        : this(project, name, scope, DeliveryMode.FireAndForget)
    {
    }

    /// <summary>Names a handler with its delivery mode (the generated field of a durable handler passes <see cref="DeliveryMode.Durable"/>).</summary>
    /// <param name="project">The project.</param>
    /// <param name="name">The handler name.</param>
    /// <param name="scope">Every scope that declares the name.</param>
    /// <param name="delivery">How sends reach it (<see cref="HandlerRef.Delivery"/>).</param>
    /// <exception cref="ArgumentException">The project or name is empty or longer than 1,024 characters.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The scope is not a combination of C, G and S, or the delivery mode is unknown.</exception>
#pragma warning disable RS0022 // The class is inheritable already, through its shipped constructor.
    public MessageHandlerRef(string project, string name, Scope scope, DeliveryMode delivery)
        : base(project, name, scope, delivery)
    {
    }
#pragma warning restore RS0022

    /// <summary>Sends <paramref name="payload"/> to the handler with Ignition's <c>sendMessage</c> semantics; see <see cref="HandlerRef.ResolveScope"/> for the default scope.</summary>
    /// <param name="sender">Who sends: a gateway, client, session or designer.</param>
    /// <param name="payload">The payload.</param>
    /// <param name="scope">Where to deliver; <see langword="null"/> for the default.</param>
    /// <param name="clientSessionId">Only the client or session with this session id.</param>
    /// <param name="user">Only clients and sessions where this user is logged in.</param>
    /// <param name="hasRole">Only clients and sessions whose user has this role.</param>
    /// <param name="hostName">Only clients and sessions on this host.</param>
    /// <param name="remoteServers">Gateway names to deliver to instead of the local gateway.</param>
    /// <param name="cancellationToken">Cancels the send before anything is queued.</param>
    /// <returns>One result per system selected for delivery.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="payload"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The default scope would reach no handler (see <see cref="HandlerRef.ResolveScope"/>).</exception>
    /// <exception cref="PayloadConversionException">A selected handler of this name takes another payload type, and the payload cannot be converted to it.</exception>
    /// <exception cref="InvalidOperationException">The sender is a read-only designer.</exception>
    /// <exception cref="ObjectDisposedException">The sender or its gateway has been closed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<DeliveryReport> SendAsync(
        IMessageSender sender,
        TPayload payload,
        Scope? scope = null,
        string? clientSessionId = null,
        string? user = null,
        string? hasRole = null,
        string? hostName = null,
        IReadOnlyList<string>? remoteServers = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return SendCoreAsync(sender, payload, scope, clientSessionId, user, hasRole, hostName, remoteServers, cancellationToken);
    }
}
