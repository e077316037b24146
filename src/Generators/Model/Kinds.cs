namespace Switchboard.Generators.Model;

/// <summary>What a handler takes as its payload.</summary>
internal enum PayloadKind
{
    /// <summary>No payload parameter.</summary>
    None,

    /// <summary>An <c>IReadOnlyDictionary&lt;string, object?&gt;</c>.</summary>
    Dictionary,

    /// <summary>A class, record or struct.</summary>
    Typed,
}

/// <summary>What the invoker passes for one handler parameter.</summary>
internal enum ArgumentKind
{
    /// <summary>The payload.</summary>
    Payload,

    /// <summary>The <c>MessageContext</c>.</summary>
    Context,

    /// <summary>The receiving <c>Session</c> (session handlers).</summary>
    Session,

    /// <summary>The receiving <c>Client</c> (client handlers).</summary>
    Client,

    /// <summary>The <c>CancellationToken</c>.</summary>
    CancellationToken,
}

/// <summary>What a handler method returns.</summary>
internal enum ReturnKind
{
    /// <summary><c>void</c>.</summary>
    Void,

    /// <summary><c>Task</c>.</summary>
    Task,

    /// <summary><c>ValueTask</c>.</summary>
    ValueTask,

    /// <summary>A value returned synchronously.</summary>
    Value,

    /// <summary><c>Task&lt;T&gt;</c>.</summary>
    TaskOfValue,

    /// <summary><c>ValueTask&lt;T&gt;</c>.</summary>
    ValueTaskOfValue,
}

/// <summary>How the invoker gets the object an instance handler runs on.</summary>
internal enum InstanceKind
{
    /// <summary>A static method: no instance.</summary>
    Static,

    /// <summary>An instance per endpoint, made with the parameterless constructor.</summary>
    Constructor,

    /// <summary>An instance per endpoint, resolved from the endpoint's <c>IServiceProvider</c>.</summary>
    Services,
}
