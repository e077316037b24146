namespace Switchboard.Samples.GatewayNetwork;

/// <summary>Project X's gateway event scripts, run by both gateways. Resolved from the gateway's services for each message.</summary>
internal sealed class GatewayScripts(HandlerOutput output)
{
    /// <summary>Example 3's gateway side: every gateway named in <c>remoteServers</c> runs it.</summary>
    [MessageHandler("testHandler", Scope.Gateway)]
    public void TestHandler(IReadOnlyDictionary<string, object?> payload, MessageContext context) =>
        output.WriteLine($"gateway {context.Gateway.Name} ran testHandler with {HandlerOutput.Format(payload)} from {HandlerOutput.Describe(context.Sender)}");

    /// <summary>Answers <c>sendRequest</c>, here from a remote client of another gateway.</summary>
    [MessageHandler("add", Scope.Gateway)]
    public int Add(AddRequest payload, MessageContext context)
    {
        var sum = payload.A + payload.B;
        output.WriteLine($"gateway {context.Gateway.Name} answered add({payload.A}, {payload.B}) = {sum} for {HandlerOutput.Describe(context.Sender)}");
        return sum;
    }

    /// <summary>A durable message's handler: send it with <c>SendDurableAsync</c> to a gateway started with <c>--durable on</c>.</summary>
    [MessageHandler("record", Scope.Gateway)]
    public void Record(IReadOnlyDictionary<string, object?> payload, MessageContext context) =>
        output.WriteLine($"gateway {context.Gateway.Name} recorded {HandlerOutput.Format(payload)}");
}
