namespace Switchboard.Generators.Model;

/// <summary>What the compilation contributes besides its handlers: the default project and the root namespace.</summary>
/// <param name="DefaultProject">The <c>[assembly: MessagingProject]</c> name, else the assembly name.</param>
/// <param name="Namespace">The namespace the <c>XMessages</c> classes go in; empty for the global namespace.</param>
internal sealed record GenerationSettings(string DefaultProject, string Namespace);
