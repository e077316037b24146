namespace Switchboard.Generators.Model;

/// <summary>
/// Everything generated for one messaging project: the root model of an output. Like every model it compares by value
/// and holds no symbol, so a project whose handlers did not change is not regenerated.
/// </summary>
/// <param name="ProjectName">The project name.</param>
/// <param name="ClassName">The <c>XMessages</c> class name (unique among the compilation's projects).</param>
/// <param name="Namespace">The namespace of the class; empty for the global namespace.</param>
/// <param name="Handlers">The handlers to register, sorted ordinally, without duplicates.</param>
/// <param name="Groups">One entry per handler name, sorted ordinally.</param>
internal sealed record ProjectSpec(
    string ProjectName,
    string ClassName,
    string Namespace,
    EquatableArray<HandlerSpec> Handlers,
    EquatableArray<HandlerGroupSpec> Groups);
