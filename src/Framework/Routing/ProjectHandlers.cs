namespace Switchboard;

/// <summary>One project's handlers, looked up by scope and name. Immutable: adding a registry makes a new one.</summary>
internal sealed class ProjectHandlers
{
    private readonly Dictionary<string, HandlerDescriptor> gateway;
    private readonly Dictionary<string, HandlerDescriptor> client;
    private readonly Dictionary<string, HandlerDescriptor> session;

    private ProjectHandlers(
        Dictionary<string, HandlerDescriptor> gateway,
        Dictionary<string, HandlerDescriptor> client,
        Dictionary<string, HandlerDescriptor> session)
    {
        this.gateway = gateway;
        this.client = client;
        this.session = session;
    }

    public static ProjectHandlers Empty { get; } = new(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    /// <summary>Whether any handler of the project is declared <see cref="DeliveryMode.Durable"/>.</summary>
    public bool HasDurable { get; private set; }

    /// <summary>The handler of <paramref name="name"/> declared in the single scope <paramref name="scope"/>.</summary>
    public HandlerDescriptor? Find(Scope scope, string name) => scope switch
    {
        Scope.Gateway => gateway.GetValueOrDefault(name),
        Scope.Client => client.GetValueOrDefault(name),
        Scope.Session => session.GetValueOrDefault(name),
        _ => null,
    };

    /// <summary>A copy with <paramref name="registry"/>'s handlers added.</summary>
    /// <exception cref="ArgumentException">A handler is malformed or already declared in the same scope.</exception>
    public ProjectHandlers With(IProjectRegistry registry)
    {
        var next = new ProjectHandlers(new(gateway, gateway.Comparer), new(client, client.Comparer), new(session, session.Comparer));
        foreach (var handler in registry.Handlers)
        {
            Validate(registry, handler);
            next.Add(Scope.Gateway, handler, next.gateway);
            next.Add(Scope.Client, handler, next.client);
            next.Add(Scope.Session, handler, next.session);
        }

        next.CheckDurableNames();
        return next;
    }

    /// <summary>
    /// A durable name must be a gateway name only: a send reaches it by the gateway's durable queue, which clients and
    /// sessions do not read, so the same name in another scope would get half of one send durably and half not.
    /// </summary>
    private void CheckDurableNames()
    {
        foreach (var handler in gateway.Values)
        {
            if (handler.Delivery != DeliveryMode.Durable)
            {
                continue;
            }

            HasDurable = true;
            if (client.ContainsKey(handler.Name) || session.ContainsKey(handler.Name))
            {
                throw new ArgumentException(
                    $"The handler \"{handler.Name}\" of project \"{handler.Project}\" is declared durable at the gateway and also in client or session scope; " +
                    "a durable handler's name must be declared in gateway scope only (SWB0021). Rename one of them, or drop Delivery = DeliveryMode.Durable.",
                    "registry");
            }
        }
    }

    private void Add(Scope scope, HandlerDescriptor handler, Dictionary<string, HandlerDescriptor> byName)
    {
        if ((handler.Scope & scope) == 0)
        {
            return;
        }

        if (!byName.TryAdd(handler.Name, handler))
        {
            throw new ArgumentException(
                $"Project \"{handler.Project}\" already has a {scope} handler named \"{handler.Name}\"; a name may be declared once per scope.",
                "registry");
        }
    }

    private static void Validate(IProjectRegistry registry, HandlerDescriptor handler)
    {
        if (handler is null)
        {
            throw new ArgumentException($"The registry of project \"{registry.ProjectName}\" has a null handler.", nameof(registry));
        }

        if (!string.Equals(handler.Project, registry.ProjectName, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The handler \"{handler.Name}\" says project \"{handler.Project}\" but is in the registry of \"{registry.ProjectName}\".",
                nameof(registry));
        }

        if (string.IsNullOrWhiteSpace(handler.Name))
        {
            throw new ArgumentException($"Project \"{registry.ProjectName}\" has a handler with an empty name.", nameof(registry));
        }

        if (handler.Name.Length > NameRule.MaxLength)
        {
            throw new ArgumentException(MessageNames.TooLong($"A handler name of project \"{registry.ProjectName}\"", handler.Name.Length) + ".", nameof(registry));
        }

        if (!handler.Scope.IsValid())
        {
            throw new ArgumentException(
                $"The handler \"{handler.Name}\" has scope {(int)handler.Scope}; use a combination of Client, Gateway and Session.",
                nameof(registry));
        }

        if (handler.Delivery == DeliveryMode.Durable && handler.Scope != Scope.Gateway)
        {
            throw new ArgumentException(
                $"The handler \"{handler.Name}\" of project \"{handler.Project}\" is declared durable in scope {handler.Scope.ToCode()}; durable delivery " +
                "goes through a gateway's durable queue and reaches gateway handlers only (SWB0021). Declare it in Scope.Gateway alone, or drop Delivery = DeliveryMode.Durable.",
                nameof(registry));
        }

        if (handler.Delivery is not (DeliveryMode.FireAndForget or DeliveryMode.Durable))
        {
            throw new ArgumentException(
                $"The handler \"{handler.Name}\" has delivery mode {(int)handler.Delivery}; use DeliveryMode.FireAndForget or DeliveryMode.Durable.",
                nameof(registry));
        }
    }
}
