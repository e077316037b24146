namespace Switchboard.Generated.Tests.Handlers;

/// <summary>One name, three scopes, three payload shapes and three context shapes.</summary>
public static class ReadingHandlers
{
    /// <summary>The gateway takes the typed payload and the context.</summary>
    [MessageHandler("reading", Scope.Gateway)]
    public static void OnGateway(Reading payload, MessageContext context) => Inbox.Add(context, payload);

    /// <summary>Clients take a dictionary and their Client, in that order.</summary>
    [MessageHandler("reading", Scope.Client)]
    public static void OnClient(IReadOnlyDictionary<string, object?> payload, Client client) =>
        Inbox.Add(client.Gateway, "reading", Scope.Client, client.ToString(), payload);

    /// <summary>Sessions take a token, their Session and the payload, asynchronously.</summary>
    [MessageHandler("reading", Scope.Session)]
    public static async Task OnSession(CancellationToken cancellationToken, Session session, Reading payload)
    {
        await Task.Yield();
        Inbox.Add(session.Gateway, "reading", Scope.Session, session.ToString(), payload, cancellationToken.CanBeCanceled ? "token" : null);
    }

    /// <summary>No payload, in every scope.</summary>
    [MessageHandler("ping", Scope.Client | Scope.Gateway | Scope.Session)]
    public static ValueTask Ping(MessageContext context)
    {
        Inbox.Add(context, payload: null);
        return ValueTask.CompletedTask;
    }

    /// <summary>A struct payload, with its own ordered queue.</summary>
    [MessageHandler("setpoint", Threading = HandlerThreading.Dedicated)]
    public static void Setpoint(MessageContext context, Setpoint payload) => Inbox.Add(context, payload);
}
