namespace Switchboard;

/// <summary>
/// Names one handler of one project, with the scopes that declare it: the base of the generated
/// <c>XMessages</c> fields (<see cref="MessageHandlerRef"/>, <see cref="MessageHandlerRef{TPayload}"/>,
/// <see cref="RequestHandlerRef{TResponse}"/>, <see cref="RequestHandlerRef{TPayload, TResponse}"/>).
/// </summary>
public abstract class HandlerRef
{
    private protected HandlerRef(string project, string name, Scope scope, DeliveryMode delivery)
    {
        MessageNames.Check(project);
        MessageNames.Check(name);
        if (!scope.IsValid())
        {
            throw new ArgumentOutOfRangeException(
                nameof(scope), scope, "A handler's scope must be a non-empty combination of Scope.Client, Scope.Gateway and Scope.Session.");
        }

        if (delivery is not (DeliveryMode.FireAndForget or DeliveryMode.Durable))
        {
            throw new ArgumentOutOfRangeException(nameof(delivery), delivery, "Use DeliveryMode.FireAndForget or DeliveryMode.Durable.");
        }

        Project = project;
        Name = name;
        Scope = scope;
        Delivery = delivery;
    }

    /// <summary>The project the handler belongs to.</summary>
    public string Project { get; }

    /// <summary>The handler name.</summary>
    public string Name { get; }

    /// <summary>Every scope that declares a handler of this name in the project.</summary>
    public Scope Scope { get; }

    /// <summary>
    /// How sends reach the handler: <see cref="DeliveryMode.Durable"/> when its gateway declaration says
    /// <c>Delivery = DeliveryMode.Durable</c>; then a send whose scope reaches the gateway is stored in the sender's
    /// gateway's <see cref="IDurableQueue"/> and reports <c>QUEUED</c>, whether or not the sender's gateway has the project.
    /// </summary>
    public DeliveryMode Delivery { get; }

    /// <summary>
    /// The scope a typed send uses: <paramref name="scope"/> when given, else Ignition's default (<c>"CS"</c> when a
    /// user, role or host-name filter is given, else <c>"CGS"</c>) narrowed to the scopes that declare the handler,
    /// so that a typed send never selects a scope that cannot handle it.
    /// </summary>
    /// <param name="scope">The scope the caller asked for, or <see langword="null"/> for the default.</param>
    /// <param name="user">The user filter, if any.</param>
    /// <param name="hasRole">The role filter, if any.</param>
    /// <param name="hostName">The host-name filter, if any.</param>
    /// <returns>The scope to send to.</returns>
    /// <exception cref="ArgumentException">
    /// No scope was given, a filter was, and the handler is declared only for the gateway (filters never apply to the
    /// gateway, so the default would reach no handler).
    /// </exception>
    public Scope ResolveScope(Scope? scope, string? user, string? hasRole, string? hostName) =>
        ResolveScopeWithin(Scope, forRequestAll: false, scope, user, hasRole, hostName);

    /// <summary>
    /// <see cref="ResolveScope(Scope?, string?, string?, string?)"/> narrowed to <paramref name="within"/> instead of
    /// every declaring scope: for a request-all, the scopes whose handlers answer.
    /// </summary>
    internal Scope ResolveScopeWithin(Scope within, bool forRequestAll, Scope? scope, string? user, string? hasRole, string? hostName)
    {
        if (scope is { } chosen)
        {
            return chosen;
        }

        var narrowed = SendFilters.DefaultScope(user, hasRole, hostName) & within;
        if (narrowed == 0)
        {
            var (declared, call) = forRequestAll ? ("answers", "request-all") : ("is declared", "send");
            throw new ArgumentException(
                $"The message handler \"{Name}\" in project \"{Project}\" {declared} only in scope {within.ToCode()}, and a {call} " +
                "with a user, hasRole or hostName filter defaults to clients and sessions (filters never apply to the gateway), " +
                $"so it would reach no handler. Pass scope: Scope.{within} to send to it anyway, or drop the filter.",
                nameof(scope));
        }

        return narrowed;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Project}/{Name} ({Scope.ToCode()})";

    private protected ValueTask<DeliveryReport> SendCoreAsync(
        IMessageSender sender,
        object? payload,
        Scope? scope,
        string? clientSessionId,
        string? user,
        string? hasRole,
        string? hostName,
        IReadOnlyList<string>? remoteServers,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var resolved = ResolveScope(scope, user, hasRole, hostName);
        if (Delivery == DeliveryMode.Durable && DurableSends.Applies(resolved))
        {
            // A durable handler is a gateway handler only, so the client and session filters select nothing here.
            return sender is Endpoint endpoint
                ? endpoint.StoreDurablyAsync(Project, Name, payload, resolved, remoteServers, cancellationToken)
                : throw DurableSends.NeedsEndpoint(sender, Project, Name);
        }

        return sender.SendAsync(
            Project, Name, payload, resolved, clientSessionId, user, hasRole, hostName, remoteServers, cancellationToken);
    }

    private protected Task<TResponse> RequestCoreAsync<TResponse>(
        IMessageSender sender, object? payload, string? remoteServer, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        return sender.SendRequestAsync<TResponse>(Project, Name, payload, remoteServer, timeout, cancellationToken);
    }
}
