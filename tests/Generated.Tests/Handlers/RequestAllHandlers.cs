namespace Switchboard.Generated.Tests.Handlers;

/// <summary>Handlers that answer request-alls: in the gateway, in clients and in sessions, and one that answers nowhere.</summary>
public static class RequestAllHandlers
{
    [MessageHandler("health", Scope.Gateway)]
    public static string GatewayHealth(MessageContext context) => "gateway " + context.Gateway.Name;

    [MessageHandler("health", Scope.Session)]
    public static async Task<string> SessionHealthAsync(Session session, Sum probe, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return $"{session.User}:{probe.A + probe.B}";
    }

    // Returns nothing: the typed request-all's default scope leaves clients out.
    [MessageHandler("health", Scope.Client)]
    public static void ClientHealth(Sum probe)
    {
    }

    [MessageHandler("clientLoad", Scope.Client)]
    public static int ClientLoad(MessageContext context) => context.Client!.SessionId.Length;
}
