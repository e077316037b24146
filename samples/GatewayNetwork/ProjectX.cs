namespace Switchboard.Samples.GatewayNetwork;

/// <summary>
/// Project X, which every process of the sample hosts: the gateways run its gateway handlers, and the remote client
/// runs its client handlers. Registered by hand, the way the generated registry does it.
/// </summary>
internal static class ProjectX
{
    public static IProjectRegistry Registry(Action<string> print) => new ProjectRegistry("X",
    [
        Handler("testHandler", Scope.Gateway, (payload, context) =>
            print($"gateway {context.Gateway.Name} ran testHandler with {Format(payload)} from {Describe(context.Sender)}")),
        Handler("testHandler", Scope.Client, (payload, context) =>
            print($"client {context.Client!.SessionId} ran testHandler with {Format(payload)} from {Describe(context.Sender)}")),
        new HandlerDescriptor
        {
            Project = "X",
            Name = "add",
            Scope = Scope.Gateway,
            PayloadType = typeof(IReadOnlyDictionary<string, object?>),
            ResponseType = typeof(int),
            Invoker = (payload, context, _) =>
            {
                var values = (IReadOnlyDictionary<string, object?>)payload!;
                var sum = (int)values["a"]! + (int)values["b"]!;
                print($"gateway {context.Gateway.Name} answered add({values["a"]}, {values["b"]}) = {sum} for {Describe(context.Sender)}");
                return ValueTask.FromResult<object?>(sum);
            },
        },
    ]);

    private static HandlerDescriptor Handler(string name, Scope scope, Action<object?, MessageContext> body) => new()
    {
        Project = "X",
        Name = name,
        Scope = scope,
        PayloadType = typeof(IReadOnlyDictionary<string, object?>),
        Invoker = (payload, context, _) =>
        {
            body(payload, context);
            return ValueTask.FromResult<object?>(null);
        },
    };

    private static string Format(object? payload) =>
        "{" + string.Join(", ", ((IReadOnlyDictionary<string, object?>)payload!).Select(pair => $"{pair.Key}={pair.Value}")) + "}";

    private static string Describe(SenderInfo sender) =>
        sender.SessionId is null ? $"{sender.Kind} {sender.GatewayName}" : $"{sender.Kind} {sender.SessionId} of {sender.GatewayName}";
}
