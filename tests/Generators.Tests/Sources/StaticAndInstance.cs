using System;
using System.Threading;
using System.Threading.Tasks;
using Switchboard;

[assembly: MessagingProject("X")]

namespace App;

public sealed record Greeting(string First, string Second);

public static class GatewayHandlers
{
    [MessageHandler("testHandler", Scope.Gateway)]
    public static void OnTest(Greeting payload, MessageContext context)
    {
    }
}

// An instance handler with a parameterless constructor: one instance per client.
public sealed class ClientHandlers
{
    [MessageHandler("testHandler", Scope.Client, Threading = HandlerThreading.UI)]
    public void OnTest(Client client, Greeting payload)
    {
    }
}

// An instance handler without one: resolved from the endpoint's services.
public sealed class AuditHandlers
{
    public AuditHandlers(IServiceProvider services) => Services = services;

    public IServiceProvider Services { get; }

    [MessageHandler("audit", Scope.Gateway | Scope.Session, Threading = HandlerThreading.Dedicated, RequiredRole = "Auditor")]
    public Task AuditAsync(CancellationToken cancellationToken, MessageContext context) => Task.CompletedTask;
}
