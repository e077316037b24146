using System.Collections.Concurrent;

namespace Switchboard.Network.Tests.Support;

/// <summary>One handler run, as a test sees it.</summary>
public sealed record Delivery(string Where, string Handler, object? Payload, SenderInfo Sender);

/// <summary>What the handlers of one process ran, and the gate the slow handler waits on.</summary>
public sealed class Deliveries
{
    public ConcurrentQueue<Delivery> All { get; } = new();

    /// <summary>Released by a test to let <c>slow</c> requests finish.</summary>
    public TaskCompletionSource SlowGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when a <c>slow</c> request started to wait.</summary>
    public TaskCompletionSource SlowStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when a <c>slow</c> request's cancellation token fired.</summary>
    public TaskCompletionSource SlowCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<Delivery> Of(string handler) => All.Where(delivery => delivery.Handler == handler).ToArray();

    public IReadOnlyList<Delivery> Of(string handler, string where) => All.Where(delivery => delivery.Handler == handler && delivery.Where == where).ToArray();
}

/// <summary>
/// Project X, registered by hand the way a generated registry is (descriptors with direct invokers): message
/// handlers in every scope, typed ones, and request handlers that answer, fail, wait or need a role.
/// </summary>
public static class TestProject
{
    public const string Name = "X";

    private static readonly Type Dictionary = typeof(IReadOnlyDictionary<string, object?>);

    public static ProjectRegistry Registry(Deliveries log) => new(Name,
    [
        Recording("testHandler", Scope.Gateway, Dictionary, log),
        Recording("testHandler", Scope.Client, Dictionary, log),
        Recording("testHandler", Scope.Session, Dictionary, log),
        Recording("typed", Scope.Gateway | Scope.Client, typeof(Order), log),
        Request("add", Dictionary, typeof(int), (payload, _, _) =>
        {
            var values = (IReadOnlyDictionary<string, object?>)payload!;
            return Task.FromResult<object?>((int)values["a"]! + (int)values["b"]!);
        }),
        Request("echo", typeof(Order), typeof(Order), (payload, _, _) => Task.FromResult(payload)),
        Request("nothing", Dictionary, typeof(string), (_, _, _) => Task.FromResult<object?>(null)),
        Request("fail", Dictionary, typeof(int), (_, _, _) => throw new InvalidOperationException("boom")),
        Request("whoami", Dictionary, typeof(string), (_, context, _) =>
            Task.FromResult<object?>($"{context.Sender.Kind}:{context.Sender.GatewayName}:{context.Sender.SessionId}:{context.Sender.User}")),
        Request("slow", Dictionary, typeof(string), async (_, _, token) =>
        {
            log.SlowStarted.TrySetResult();
            try
            {
                await log.SlowGate.Task.WaitAsync(token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                log.SlowCancelled.TrySetResult();
                throw;
            }

            return "done";
        }),
        Request("secret", Dictionary, typeof(string), (_, _, _) => Task.FromResult<object?>("ok"), requiredRole: "Admin"),
        Identify(log),
    ]);

    /// <summary>
    /// <c>identify</c>, in every scope: answers with where it ran (<c>gateway:name</c>, <c>client:id</c>,
    /// <c>session:id</c>); a client or session of user <c>broken</c> throws, one of user <c>stuck</c> waits for its token.
    /// </summary>
    private static HandlerDescriptor Identify(Deliveries log) => new()
    {
        Project = Name,
        Name = "identify",
        Scope = Scope.Client | Scope.Gateway | Scope.Session,
        PayloadType = Dictionary,
        ResponseType = typeof(string),
        Invoker = async (_, context, token) =>
        {
            switch (context.Endpoint is AttachedEndpoint endpoint ? endpoint.User : null)
            {
                case "broken":
                    throw new InvalidOperationException("identify broke");
                case "stuck":
                    log.SlowStarted.TrySetResult();
                    try
                    {
                        await Task.Delay(Timeout.Infinite, token);
                    }
                    catch (OperationCanceledException)
                    {
                        log.SlowCancelled.TrySetResult();
                        throw;
                    }

                    return null;
            }

            return context.Scope switch
            {
                Scope.Gateway => $"gateway:{context.Gateway.Name}",
                Scope.Client => $"client:{context.Client!.SessionId}",
                _ => $"session:{context.Session!.SessionId}",
            };
        },
    };

    private static HandlerDescriptor Recording(string name, Scope scope, Type payloadType, Deliveries log) => new()
    {
        Project = Name,
        Name = name,
        Scope = scope,
        PayloadType = payloadType,
        Invoker = (payload, context, _) =>
        {
            var where = context.Scope switch
            {
                Scope.Gateway => $"gateway:{context.Gateway.Name}",
                Scope.Client => $"client:{context.Client!.SessionId}",
                _ => $"session:{context.Session!.SessionId}",
            };
            log.All.Enqueue(new Delivery(where, name, payload, context.Sender));
            return ValueTask.FromResult<object?>(null);
        },
    };

    private static HandlerDescriptor Request(
        string name, Type payloadType, Type responseType, Func<object?, MessageContext, CancellationToken, Task<object?>> body, string? requiredRole = null) => new()
    {
        Project = Name,
        Name = name,
        Scope = Scope.Gateway,
        PayloadType = payloadType,
        ResponseType = responseType,
        RequiredRole = requiredRole,
        Invoker = async (payload, context, token) => await body(payload, context, token),
    };
}
