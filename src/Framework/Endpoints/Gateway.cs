using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Switchboard;

/// <summary>
/// A gateway (Ignition's gateway, named like <c>agent-8088</c>): it hosts projects, runs their gateway handlers,
/// and routes messages to the clients and sessions attached to it.
/// </summary>
/// <example>
/// <code>
/// await using var gateway = new Gateway("agent-8088");
/// gateway.AddProject(XMessages.Registry);
/// await using var client = gateway.ConnectClient(new ClientIdentity { Project = "X", User = "Bob" });
/// var results = gateway.SendMessage("X", "testHandler", scope: "CG");
/// </code>
/// </example>
public sealed partial class Gateway : Endpoint
{
    private INetworkLink? networkLink;

    /// <summary>Creates a gateway.</summary>
    /// <param name="name">The gateway's system name, for example <c>agent-8088</c>.</param>
    /// <param name="options">Sizes, timeouts and services; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or longer than 1,024 characters.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is out of range; the exception lists every bad value.</exception>
    public Gateway(string name, GatewayOptions? options = null)
        : base(gateway: null, options?.Services)
    {
        MessageNames.Check(name);
        Name = name;
        Options = (options ?? new GatewayOptions()).ValidatedCopy();
        Logger = (Options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Switchboard.Gateway");
        SenderInfo = new SenderInfo(EndpointKind.Gateway, name, null, null, [], null);
        SharedPool = new WorkQueue(Options.SharedPoolSize, Options.SharedQueueCapacity);
        InlineQueue = new InlineQueue(overflow: SharedPool);
        Deadlines = new DeadlineScheduler<RequestCompletion>(Options.TimeProvider, RequestCompletion.Expire);
        Router = new MessageRouter(this);
    }

    /// <summary>The gateway's system name.</summary>
    public string Name { get; }

    // Inline handlers run on the sending thread at the gateway only (see Endpoint.QueueFor).
    internal override IDeliveryQueue QueueFor(HandlerDescriptor handler) =>
        handler.Threading == HandlerThreading.Inline ? InlineQueue : base.QueueFor(handler);

    /// <inheritdoc />
    public override EndpointKind Kind => EndpointKind.Gateway;

    /// <summary>A copy of the options the gateway was created with; changing it has no effect.</summary>
    public GatewayOptions Options { get; }

    /// <summary>The names of the projects added so far.</summary>
    public IReadOnlyCollection<string> Projects => Router.ProjectNames;

    /// <summary>How many clients are attached.</summary>
    public int ClientCount => Router.Count(EndpointKind.Client);

    /// <summary>How many sessions are open.</summary>
    public int SessionCount => Router.Count(EndpointKind.Session);

    internal override SenderInfo SenderInfo { get; }

    internal ILogger Logger { get; }

    internal WorkQueue SharedPool { get; }

    /// <summary>Where <see cref="HandlerThreading.Inline"/> handlers run: on the delivering thread.</summary>
    internal InlineQueue InlineQueue { get; }

    internal MessageRouter Router { get; }

    /// <summary>The timeouts of this gateway's requests, on one timer.</summary>
    internal DeadlineScheduler<RequestCompletion> Deadlines { get; }

    /// <summary>Where a network delivers what arrives for this gateway.</summary>
    internal ILocalDelivery Deliveries => Router;

    /// <summary>The gateway network this gateway has joined, or <see langword="null"/> when it is on its own.</summary>
    internal INetworkLink? NetworkLink
    {
        get => Volatile.Read(ref networkLink);
        set => Volatile.Write(ref networkLink, value);
    }

    /// <summary>
    /// Adds a project's handlers: its gateway handlers run here, and its client and session handlers run in every
    /// client and session of that project. Several registries may contribute to one project.
    /// </summary>
    /// <param name="registry">The project, usually the generated <c>XMessages.Registry</c>.</param>
    /// <returns>This gateway, for chaining.</returns>
    /// <exception cref="ArgumentException">
    /// A handler is invalid (also: declared <see cref="DeliveryMode.Durable"/> outside <see cref="Scope.Gateway"/> alone,
    /// or a durable name declared in another scope too), or is already declared in the same project and scope.
    /// </exception>
    public Gateway AddProject(IProjectRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Router.AddProject(registry);
        return this;
    }

    /// <summary>Attaches a client (Ignition's Vision client).</summary>
    /// <param name="identity">The client's project, user, roles, host and address; a session id is assigned when it has none.</param>
    /// <param name="services">Services for the client's instance handlers; the gateway's (<see cref="GatewayOptions.Services"/>) when <see langword="null"/>.</param>
    /// <returns>The client; dispose it to disconnect.</returns>
    /// <exception cref="ArgumentException">The project is empty, a name of the identity is longer than 1,024 characters, or the session id is already in use.</exception>
    /// <exception cref="ObjectDisposedException">The gateway has been closed.</exception>
    public Client ConnectClient(ClientIdentity identity, IServiceProvider? services = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return Router.Attach(identity, (id, sequence) => new Client(this, identity, id, sequence, services ?? Services));
    }

    /// <summary>Opens a session (Ignition's Perspective session).</summary>
    /// <param name="identity">The session's project, user, roles, host and address; a session id is assigned when it has none.</param>
    /// <param name="services">Services for the session's instance handlers; the gateway's (<see cref="GatewayOptions.Services"/>) when <see langword="null"/>.</param>
    /// <returns>The session; dispose it to close.</returns>
    /// <exception cref="ArgumentException">The project is empty, a name of the identity is longer than 1,024 characters, or the session id is already in use.</exception>
    /// <exception cref="ObjectDisposedException">The gateway has been closed.</exception>
    public Session OpenSession(SessionIdentity identity, IServiceProvider? services = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return Router.Attach(identity, (id, sequence) => new Session(this, identity, id, sequence, services ?? Services));
    }

    /// <summary>Opens a designer, which can send (if read/write) and is never selected for delivery.</summary>
    /// <param name="identity">The designer's user and roles; read/write communication by default.</param>
    /// <returns>The designer.</returns>
    /// <exception cref="ArgumentException">A name of the identity is longer than 1,024 characters.</exception>
    /// <exception cref="ObjectDisposedException">The gateway has been closed.</exception>
    public Designer OpenDesigner(DesignerIdentity? identity = null)
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        identity ??= new DesignerIdentity();
        MessageNames.Check(identity);
        return new Designer(this, identity);
    }

    /// <summary>Finds an attached client or session by session id (case-insensitive).</summary>
    /// <param name="sessionId">The session id.</param>
    /// <returns>The endpoint, or <see langword="null"/>.</returns>
    public AttachedEndpoint? FindEndpoint(string sessionId) => Router.Find(sessionId);

    /// <summary>The clients and sessions attached now, in attach order: a snapshot, for status pages and diagnostics.</summary>
    /// <returns>The attached endpoints; later attaches and detaches do not change it.</returns>
    public IReadOnlyList<AttachedEndpoint> GetAttachedEndpoints() => Router.Snapshot();

    /// <summary>Closes every client and session, then drains the gateway's own queues, within <see cref="GatewayOptions.DrainTimeout"/>.</summary>
    private protected override async ValueTask CloseAsync()
    {
        // Leave the network first, so that other gateways see this one gone while it drains.
        if (NetworkLink is { } network)
        {
            await network.LeaveAsync().ConfigureAwait(false);
        }

        var attached = Router.Close();
        await Task.WhenAll(attached.Select(endpoint => endpoint.DisposeAsync().AsTask())).ConfigureAwait(false);
        await DrainAsync().ConfigureAwait(false);
        try
        {
            await SharedPool.CompleteAsync().WaitAsync(Options.DrainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.DrainTimedOut(Logger, ToString(), SharedPool.Count, Options.DrainTimeout);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"Gateway \"{Name}\"";
}
