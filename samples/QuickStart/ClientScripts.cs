using Microsoft.Extensions.Logging;

namespace Switchboard.QuickStart;

/// <summary>Project X's Vision client event scripts: run in every client of the project, each with its own instance.</summary>
internal sealed class ClientScripts(ILogger<ClientScripts> log)
{
    /// <summary>Example 1's client side: the same name as the gateway handler, in another scope.</summary>
    [MessageHandler("testHandler", Scope.Client)]
    public void TestHandler(Client client, Greeting payload) =>
        log.LogInformation("client {SessionId} testHandler got {First} {Second}", client.SessionId, payload.First, payload.Second);

    /// <summary>Example 2: no payload; only the clients the filters select run it.</summary>
    [MessageHandler("myMessageHandler", Scope.Client)]
    public void MyMessageHandler(Client client) =>
        log.LogInformation("client {SessionId} ({User}) myMessageHandler ran", client.SessionId, client.User);
}
