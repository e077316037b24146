namespace Switchboard;

/// <summary>One delivery of a message to a handler: where it arrived, who sent it, and what was sent.</summary>
public sealed class MessageContext
{
    internal MessageContext(Endpoint endpoint, HandlerDescriptor handler, Scope scope, SenderInfo sender, object? payload, IServiceProvider? services)
    {
        Services = services;
        Endpoint = endpoint;
        Handler = handler;
        Scope = scope;
        Sender = sender;
        Payload = payload;
    }

    /// <summary>The endpoint the handler runs for: the <see cref="Switchboard.Gateway"/>, a <see cref="Switchboard.Client"/> or a <see cref="Switchboard.Session"/>.</summary>
    public Endpoint Endpoint { get; }

    /// <summary>The handler being run.</summary>
    public HandlerDescriptor Handler { get; }

    /// <summary>The project the message was sent to.</summary>
    public string Project => Handler.Project;

    /// <summary>The handler name the message was sent to.</summary>
    public string MessageHandler => Handler.Name;

    /// <summary>The single scope this delivery is in: <see cref="Scope.Gateway"/>, <see cref="Scope.Client"/> or <see cref="Scope.Session"/>.</summary>
    public Scope Scope { get; }

    /// <summary>Who sent the message.</summary>
    public SenderInfo Sender { get; }

    /// <summary>The payload, in the shape the handler takes.</summary>
    public object? Payload { get; }

    /// <summary>The gateway the receiving endpoint belongs to (or is).</summary>
    public Gateway Gateway => Endpoint.Gateway;

    /// <summary>The receiving session, for session handlers; otherwise <see langword="null"/>.</summary>
    public Session? Session => Endpoint as Session;

    /// <summary>The receiving client, for client handlers; otherwise <see langword="null"/>.</summary>
    public Client? Client => Endpoint as Client;

    /// <summary>
    /// Services for this delivery: a scope created for this message from the receiving endpoint's services (disposed
    /// when the handler finishes), or <see langword="null"/> when the endpoint was given none.
    /// </summary>
    public IServiceProvider? Services { get; }

    /// <summary>
    /// The instance of <typeparamref name="THandler"/> that serves the receiving endpoint: created once per endpoint
    /// by <paramref name="factory"/> (given the endpoint's services) and reused. Generated invokers of instance handlers call this.
    /// </summary>
    /// <typeparam name="THandler">The class that declares the instance handler.</typeparam>
    /// <param name="factory">Creates the instance.</param>
    /// <returns>The endpoint's instance.</returns>
    public THandler GetHandlerInstance<THandler>(Func<IServiceProvider?, THandler> factory)
        where THandler : class => Endpoint.GetHandlerInstance(factory);
}
