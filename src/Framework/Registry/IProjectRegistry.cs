namespace Switchboard;

/// <summary>
/// What one messaging project contributes to a gateway: its name and its handlers, each with a direct invoker.
/// The source generator emits an implementation per project; the runtime never discovers handlers by reflection.
/// </summary>
public interface IProjectRegistry
{
    /// <summary>The project name senders use (Ignition's <c>project</c>).</summary>
    string ProjectName { get; }

    /// <summary>Every handler the project declares, in any scope.</summary>
    IReadOnlyList<HandlerDescriptor> Handlers { get; }
}
