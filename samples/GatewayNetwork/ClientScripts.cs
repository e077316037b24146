namespace Switchboard.Samples.GatewayNetwork;

/// <summary>Project X's client event scripts, run in the remote client's own process.</summary>
internal sealed class ClientScripts(HandlerOutput output)
{
    /// <summary>Example 3's client side: the same name as the gateway handler, in the client scope.</summary>
    [MessageHandler("testHandler", Scope.Client)]
    public void TestHandler(IReadOnlyDictionary<string, object?> payload, MessageContext context) =>
        output.WriteLine($"client {context.Client!.SessionId} ran testHandler with {HandlerOutput.Format(payload)} from {HandlerOutput.Describe(context.Sender)}");
}
