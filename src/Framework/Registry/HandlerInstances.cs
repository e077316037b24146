using System.ComponentModel;

namespace Switchboard;

/// <summary>
/// Resolves the instance that serves an instance handler when the declaring class has no parameterless constructor.
/// Generated invokers call it once per message with <see cref="MessageContext.Services"/>, the delivery's own DI
/// scope, so a scoped or transient registration gives a fresh instance per message and a singleton gives one.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HandlerInstances
{
    /// <summary>Resolves <typeparamref name="THandler"/> from the endpoint's services.</summary>
    /// <typeparam name="THandler">The class that declares the instance handler.</typeparam>
    /// <param name="services">The delivery's services (<see cref="MessageContext.Services"/>), if the endpoint was given any.</param>
    /// <param name="project">The handler's project, for the error message.</param>
    /// <param name="messageHandler">The handler name, for the error message.</param>
    /// <returns>The instance.</returns>
    /// <exception cref="InvalidOperationException">There are no services, or they do not provide a <typeparamref name="THandler"/>.</exception>
    public static THandler FromServices<THandler>(IServiceProvider? services, string project, string messageHandler)
        where THandler : class
    {
        if (services is null)
        {
            throw new InvalidOperationException(
                $"The message handler \"{messageHandler}\" in project \"{project}\" is an instance method of {typeof(THandler).FullName}, " +
                "which has no parameterless constructor, and the endpoint was given no IServiceProvider. Pass services to " +
                "ConnectClient/OpenSession (or GatewayOptions.Services for gateway handlers) that provide it, or add a parameterless constructor.");
        }

        return services.GetService(typeof(THandler)) as THandler
            ?? throw new InvalidOperationException(
                $"The message handler \"{messageHandler}\" in project \"{project}\" is an instance method of {typeof(THandler).FullName}, " +
                "which has no parameterless constructor, and the endpoint's IServiceProvider does not provide one. Register " +
                $"{typeof(THandler).FullName} in the services given to the endpoint, or add a parameterless constructor.");
    }
}
