using Microsoft.Extensions.Logging;

namespace Switchboard.QuickStart;

/// <summary>Project X's gateway event scripts. An instance handler: the gateway resolves it from its services.</summary>
internal sealed class GatewayScripts(ILogger<GatewayScripts> log)
{
    /// <summary>Example 1's gateway side, and what Example 3 delivers to each remote gateway.</summary>
    [MessageHandler("testHandler", Scope.Gateway)]
    public void TestHandler(Greeting payload, MessageContext context) =>
        log.LogInformation("gateway {Gateway} testHandler got {First} {Second}", context.Gateway.Name, payload.First, payload.Second);

    /// <summary>Answers <c>sendRequest</c>: the return value goes back to the caller.</summary>
    [MessageHandler("add", Scope.Gateway)]
    public static int Add(AddRequest payload) => payload.A + payload.B;
}
