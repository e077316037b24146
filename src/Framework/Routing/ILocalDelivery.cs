namespace Switchboard;

/// <summary>
/// The port a network delivers through: what arrives for a gateway from elsewhere (a remote gateway's send or request,
/// a message forwarded to a remote client's stand-in) enters that gateway's routing here, as its sender, under the
/// same scope and filters. The network reaches a gateway's routing only through this port.
/// </summary>
internal interface ILocalDelivery
{
    /// <summary>Attaches an endpoint that lives elsewhere (a remote client), so the same index and filters select it.</summary>
    /// <exception cref="ArgumentException">The session id is already in use.</exception>
    /// <exception cref="ObjectDisposedException">The gateway has closed.</exception>
    TEndpoint Attach<TEndpoint>(EndpointIdentity identity, Func<string, long, TEndpoint> create)
        where TEndpoint : AttachedEndpoint;

    /// <summary>Selects and queues on this gateway's own endpoints.</summary>
    /// <exception cref="PayloadConversionException">The payload does not convert to a selected handler's type.</exception>
    /// <exception cref="ObjectDisposedException">The gateway has closed.</exception>
    DeliveryReport SendLocal(in MessageSend send);

    /// <summary>A request made as <paramref name="sender"/> (a remote client), local or to one remote server.</summary>
    Task<object?> RequestAsync(
        Endpoint sender, string project, string messageHandler, object? payload, string? remoteServer, TimeSpan? timeout, CancellationToken cancellationToken,
        Type? responseType = null);

    /// <summary>Runs this gateway's own handler for a request.</summary>
    Task<object?> RequestLocalAsync(MessageRequest request, TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>
    /// A request-all: this gateway's own targets when <paramref name="sender"/> is <see langword="null"/> (one that
    /// arrived from another gateway), else as <paramref name="sender"/> (a remote client), remote servers included.
    /// </summary>
    /// <exception cref="PayloadConversionException">The payload does not convert to a selected handler's type.</exception>
    /// <exception cref="ObjectDisposedException">The gateway has closed.</exception>
    Task<IReadOnlyList<RequestAllAnswer>> RequestAllAsync(Endpoint? sender, MessageSend send, TimeSpan wait, CancellationToken cancellationToken);
}
