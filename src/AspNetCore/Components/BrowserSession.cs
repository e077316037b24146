using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard.AspNetCore;

/// <summary>
/// A browser's circuit as the gateway sees it: its <see cref="Switchboard.Session"/>, its current page, and its
/// components with handlers. One per circuit (a scoped service); inject it, or use
/// <see cref="MessagingComponentBase"/>. Thread-safe: the gateway's session handlers call it from the thread pool.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable, IDisposable
{
    private readonly Gateway gateway;
    private readonly BrowserSessionOptions options;
    private readonly IServiceProvider services;
    private readonly ILogger logger;
    private readonly object gate = new();
    private readonly List<ComponentRegistration> registrations = [];
    private NavigationManager? navigation;
    private Session? session;
    private int pageNumber;

    /// <summary>Created by dependency injection, once per circuit.</summary>
    /// <param name="gateway">The hosted gateway.</param>
    /// <param name="options">The browser session options.</param>
    /// <param name="services">The circuit's services, which the session's handlers reach as <see cref="Endpoint.Services"/>.</param>
    /// <param name="logger">Logs handler failures.</param>
    public BrowserSession(Gateway gateway, IOptions<BrowserSessionOptions> options, IServiceProvider services, ILogger<BrowserSession> logger)
    {
        this.gateway = gateway;
        this.options = options.Value;
        this.services = services;
        this.logger = logger;
        PageId = NewPageId();
    }

    /// <summary>The circuit's session, or <see langword="null"/> before the circuit opens (for example while prerendering) and after it closes.</summary>
    public Session? Session => Volatile.Read(ref session);

    /// <summary>The page the circuit shows now; a new id after each navigation.</summary>
    public string PageId { get; private set; }

    /// <summary>
    /// Sends a component message within this session (Perspective's <c>system.perspective.sendMessage</c>): handlers
    /// listening on <paramref name="scope"/> run on their components' dispatcher, and their components re-render.
    /// </summary>
    /// <param name="messageType">The message type.</param>
    /// <param name="payload">The payload, or <see langword="null"/>; converted with System.Text.Json for a handler that takes another shape.</param>
    /// <param name="scope">One scope: <see cref="ListenScope.Session"/> reaches every page, <see cref="ListenScope.Page"/> one page, <see cref="ListenScope.View"/> one view of one page.</param>
    /// <param name="pageId">The page, for page and view scope; the current page when <see langword="null"/>.</param>
    /// <param name="viewName">The view, for view scope.</param>
    /// <param name="cancellationToken">Cancels waiting for the handlers; handlers already started still finish.</param>
    /// <returns>How many handlers ran. A handler that throws is logged and counted; the others still run.</returns>
    /// <exception cref="ArgumentException">The message type is empty, the scope is not exactly one scope, view scope has no view name, or the payload cannot be converted (then no handler runs).</exception>
    public async ValueTask<int> SendComponentMessageAsync(
        string messageType,
        object? payload = null,
        ListenScope scope = ListenScope.Page,
        string? pageId = null,
        string? viewName = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageType);
        if (scope is not (ListenScope.View or ListenScope.Page or ListenScope.Session))
        {
            throw new ArgumentException($"Send a component message to exactly one scope (View, Page or Session), not {scope}.", nameof(scope));
        }

        if (scope == ListenScope.View && string.IsNullOrWhiteSpace(viewName))
        {
            throw new ArgumentException("A view-scoped component message needs the view's name.", nameof(viewName));
        }

        var message = new ComponentMessage(messageType, scope, pageId ?? PageId, viewName);

        // Convert for every handler first, so that a bad payload reaches no handler at all.
        var deliveries = new List<(ComponentRegistration Registration, ComponentHandler Handler, object? Payload)>();
        foreach (var registration in Registrations())
        {
            foreach (var handler in registration.Handlers)
            {
                if (message.Reaches(registration, handler))
                {
                    deliveries.Add((registration, handler, handler.Convert(payload)));
                }
            }
        }

        var running = deliveries.Select(delivery => RunAsync(delivery.Registration, delivery.Handler, delivery.Payload)).ToArray();
        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
        return running.Length;
    }

    /// <summary>Closes the session, if it is open.</summary>
    /// <returns>A task that completes when the session has drained.</returns>
    public async ValueTask DisposeAsync()
    {
        if (navigation is not null)
        {
            navigation.LocationChanged -= OnLocationChanged;
        }

        if (Interlocked.Exchange(ref session, null) is { } open)
        {
            await open.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Closes the session without waiting for its drain (a container disposed synchronously); prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => _ = DisposeAsync().AsTask();

    /// <summary>Opens the circuit's session with the identity its authentication state and connection give.</summary>
    internal void Open(ClaimsPrincipal user, IPAddress? address, NavigationManager navigationManager)
    {
        var identity = CreateIdentity(options.Project, user, address);
        var opened = gateway.OpenSession(identity, services);
        if (Interlocked.CompareExchange(ref session, opened, null) is not null)
        {
            _ = opened.DisposeAsync().AsTask();
            return;
        }

        navigation = navigationManager;
        navigation.LocationChanged += OnLocationChanged;
    }

    /// <summary>The identity of a browser session: only what the server authenticated, never what the browser says.</summary>
    internal static SessionIdentity CreateIdentity(string project, ClaimsPrincipal user, IPAddress? address)
    {
        var authenticated = user.Identity is { IsAuthenticated: true } claims ? claims : null;
        var roleClaimType = (authenticated as ClaimsIdentity)?.RoleClaimType ?? ClaimTypes.Role;
        var text = address?.IsIPv4MappedToIPv6 == true ? address.MapToIPv4().ToString() : address?.ToString();
        return new SessionIdentity
        {
            Project = project,
            User = authenticated?.Name,
            Roles = authenticated is null
                ? []
                : user.Claims.Where(claim => claim.Type == roleClaimType).Select(claim => claim.Value).Distinct(StringComparer.Ordinal).ToArray(),
            Address = text,
            HostName = text,
        };
    }

    internal ComponentRegistration Register(MessagingComponentBase component, string? viewName)
    {
        var registration = new ComponentRegistration(component, ComponentHandler.For(component.GetType()), PageId, viewName);
        if (registration.Handlers.Length > 0)
        {
            lock (gate)
            {
                registrations.Add(registration);
            }
        }

        return registration;
    }

    internal void Unregister(ComponentRegistration registration)
    {
        lock (gate)
        {
            registrations.Remove(registration);
        }
    }

    private ComponentRegistration[] Registrations()
    {
        lock (gate)
        {
            return [.. registrations];
        }
    }

    private async Task RunAsync(ComponentRegistration registration, ComponentHandler handler, object? payload)
    {
        try
        {
            await registration.Component.DeliverAsync(handler, payload).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            BrowserSessionLog.ComponentHandlerFailed(logger, exception, handler.MessageType, registration.Component.GetType().Name, Session?.SessionId);
        }
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => PageId = NewPageId();

    private string NewPageId() =>
        Interlocked.Increment(ref pageNumber).ToString("x", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
}
