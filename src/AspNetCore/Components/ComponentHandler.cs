using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;

namespace Switchboard.AspNetCore;

/// <summary>One <see cref="ComponentMessageHandlerAttribute"/> method of a component type, ready to call.</summary>
internal sealed class ComponentHandler
{
    private static readonly ConcurrentDictionary<Type, ComponentHandler[]> ByType = new();

    private readonly MethodInfo method;

    private ComponentHandler(MethodInfo method, string messageType, ListenScope scopes, Type? payloadType)
    {
        this.method = method;
        MessageType = messageType;
        Scopes = scopes;
        PayloadType = payloadType;
    }

    public string MessageType { get; }

    public ListenScope Scopes { get; }

    /// <summary>The payload parameter's type, or <see langword="null"/> when the method takes none.</summary>
    public Type? PayloadType { get; }

    /// <summary>The handlers a component type declares, found once per type (a component is created far less often than it is sent to).</summary>
    /// <exception cref="InvalidOperationException">A marked method has a shape that cannot be called.</exception>
    public static ComponentHandler[] For([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)] Type componentType) =>
        ByType.GetOrAdd(componentType, Discover);

    /// <summary>The payload in the shape the method takes; throws for the sender before any handler runs.</summary>
    /// <exception cref="ArgumentException">The payload cannot be converted.</exception>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Component payload bridging is documented to use reflection-based System.Text.Json, as Blazor Server does.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Blazor Server does not run under native AOT.")]
    public object? Convert(object? payload)
    {
        if (PayloadType is null || payload is null || PayloadType.IsInstanceOfType(payload))
        {
            return payload;
        }

        try
        {
            return JsonSerializer.SerializeToElement(payload).Deserialize(PayloadType, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            throw new ArgumentException(
                $"The payload of component message \"{MessageType}\" ({payload.GetType().Name}) cannot be converted to {PayloadType.Name}, which {method.DeclaringType?.Name}.{method.Name} takes: {exception.Message}",
                nameof(payload),
                exception);
        }
    }

    public Task InvokeAsync(object component, object? convertedPayload)
    {
        var result = method.Invoke(component, PayloadType is null ? [] : [convertedPayload]);
        return result switch
        {
            Task task => task,
            ValueTask valueTask => valueTask.AsTask(),
            _ => Task.CompletedTask,
        };
    }

    private static ComponentHandler[] Discover(Type componentType)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var handlers = new List<ComponentHandler>();
        for (var type = componentType; type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var method in type.GetMethods(flags | BindingFlags.DeclaredOnly))
            {
                foreach (var attribute in method.GetCustomAttributes<ComponentMessageHandlerAttribute>(inherit: false))
                {
                    handlers.Add(Create(method, attribute));
                }
            }
        }

        return [.. handlers];
    }

    private static ComponentHandler Create(MethodInfo method, ComponentMessageHandlerAttribute attribute)
    {
        var where = $"{method.DeclaringType?.FullName}.{method.Name}";
        if (string.IsNullOrWhiteSpace(attribute.MessageType))
        {
            throw new InvalidOperationException($"{where}: a component message handler needs a non-empty message type.");
        }

        if (attribute.Scopes == 0 || (attribute.Scopes & ~(ListenScope.View | ListenScope.Page | ListenScope.Session)) != 0)
        {
            throw new InvalidOperationException($"{where}: listen scopes must be View, Page, Session or a combination of them, not {(int)attribute.Scopes}.");
        }

        var parameters = method.GetParameters();
        var returns = method.ReturnType;
        if (parameters.Length > 1 || method.IsGenericMethodDefinition
            || (returns != typeof(void) && returns != typeof(Task) && returns != typeof(ValueTask)))
        {
            throw new InvalidOperationException(
                $"{where}: a component message handler returns void, Task or ValueTask and takes at most one payload parameter.");
        }

        return new ComponentHandler(method, attribute.MessageType, attribute.Scopes, parameters.Length == 1 ? parameters[0].ParameterType : null);
    }
}
