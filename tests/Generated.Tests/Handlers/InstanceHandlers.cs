using System.Runtime.CompilerServices;

namespace Switchboard.Generated.Tests.Handlers;

/// <summary>An instance handler with a parameterless constructor: each client gets its own instance.</summary>
public sealed class ClientCounter
{
    private int count;

    [MessageHandler("count", Scope.Client)]
    public void Count(MessageContext context) => Inbox.Add(context, Interlocked.Increment(ref count), note: RuntimeHelpers.GetHashCode(this).ToString());
}

/// <summary>Where <see cref="AuditService"/> writes; registered in the endpoints' service providers.</summary>
public sealed class AuditLog
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> entries = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<AuditService> instances = new();

    public IReadOnlyList<string> Entries => [.. entries];

    /// <summary>Every <see cref="AuditService"/> made, to check DI lifetimes.</summary>
    public IReadOnlyList<AuditService> Instances => [.. instances];

    public void Write(string entry) => entries.Enqueue(entry);

    public void Created(AuditService instance) => instances.Enqueue(instance);
}

/// <summary>An instance handler without a parameterless constructor: resolved per message from the endpoint's services.</summary>
public sealed class AuditService : IDisposable
{
    private readonly AuditLog log;

    public AuditService(AuditLog log)
    {
        this.log = log;
        log.Created(this);
    }

    public bool Disposed { get; private set; }

    public void Dispose() => Disposed = true;

    [MessageHandler("audit", Scope.Gateway | Scope.Session)]
    public void Audit(Reading payload, MessageContext context) => log.Write($"{context.Scope}:{payload.Tag}={payload.Value}");

    [MessageHandler("auditCount")]
    public int AuditCount() => log.Entries.Count;
}
