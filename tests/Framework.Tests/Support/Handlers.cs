namespace Switchboard.Tests.Support;

/// <summary>Hand-written handler descriptors, the way generated registries build them.</summary>
internal static class Handlers
{
    public static readonly Type Dictionary = typeof(IReadOnlyDictionary<string, object?>);

    public static HandlerDescriptor Of(
        string project,
        string name,
        Scope scope,
        Action<object?, MessageContext> body,
        HandlerThreading threading = HandlerThreading.Shared,
        string? requiredRole = null,
        Type? payloadType = null) =>
        Async(project, name, scope, (payload, context, _) =>
        {
            body(payload, context);
            return ValueTask.FromResult<object?>(null);
        }, threading, requiredRole, payloadType);

    public static HandlerDescriptor Async(
        string project,
        string name,
        Scope scope,
        Func<object?, MessageContext, CancellationToken, ValueTask<object?>> body,
        HandlerThreading threading = HandlerThreading.Shared,
        string? requiredRole = null,
        Type? payloadType = null,
        Type? responseType = null,
        PayloadAdapter? adapter = null) => new()
    {
        Project = project,
        Name = name,
        Scope = scope,
        Invoker = (payload, context, token) => body(payload, context, token),
        PayloadType = payloadType ?? Dictionary,
        ResponseType = responseType,
        Threading = threading,
        RequiredRole = requiredRole,
        PayloadAdapter = adapter,
    };

    public static ProjectRegistry Registry(string project, params HandlerDescriptor[] handlers) => new(project, handlers);
}
