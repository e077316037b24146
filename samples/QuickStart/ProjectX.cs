using Microsoft.Extensions.Logging;

namespace Switchboard.QuickStart;

/// <summary>Project X's handlers, registered by hand (the source generator issue replaces this with attributes).</summary>
internal static class ProjectX
{
    public static IProjectRegistry Registry(ILoggerFactory logging)
    {
        var gatewayLog = logging.CreateLogger("X.gateway");
        var clientLog = logging.CreateLogger("X.client");
        var sessionLog = logging.CreateLogger("session event handler");
        return new ProjectRegistry("X",
        [
            Handler("testHandler", Scope.Gateway, (payload, _) => gatewayLog.LogInformation("gateway testHandler got {Payload}", Format(payload))),
            Handler("testHandler", Scope.Client, (payload, context) =>
                clientLog.LogInformation("client {SessionId} testHandler got {Payload}", context.Client!.SessionId, Format(payload))),
            Handler("myMessageHandler", Scope.Client, (_, context) =>
                clientLog.LogInformation("client {SessionId} ({User}) myMessageHandler ran", context.Client!.SessionId, context.Client.User)),
            Handler("test", Scope.Session, (payload, _) => sessionLog.LogInformation("{Payload}", Format(payload))),
            new HandlerDescriptor
            {
                Project = "X",
                Name = "add",
                Scope = Scope.Gateway,
                PayloadType = typeof(IReadOnlyDictionary<string, object?>),
                ResponseType = typeof(int),
                Invoker = (payload, _, _) =>
                {
                    var values = (IReadOnlyDictionary<string, object?>)payload!;
                    return ValueTask.FromResult<object?>((int)values["a"]! + (int)values["b"]!);
                },
            },
        ]);
    }

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
}
