namespace Switchboard.Generators.Model;

/// <summary>The two facts the generator needs from the compilation itself, kept apart from it so edits elsewhere compare equal.</summary>
/// <param name="AssemblyName">The assembly name.</param>
/// <param name="MessagingProject">The <c>[assembly: MessagingProject]</c> name, if the attribute is present and valid.</param>
internal sealed record AssemblySpec(string AssemblyName, string? MessagingProject);
