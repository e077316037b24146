namespace Switchboard;

/// <summary>A ready-made <see cref="IProjectRegistry"/> over a fixed list of handlers.</summary>
public sealed class ProjectRegistry : IProjectRegistry
{
    /// <summary>Creates a registry.</summary>
    /// <param name="projectName">The project name.</param>
    /// <param name="handlers">The project's handlers.</param>
    /// <exception cref="ArgumentException">The name is empty or longer than 1,024 characters, or a handler belongs to another project.</exception>
    public ProjectRegistry(string projectName, IEnumerable<HandlerDescriptor> handlers)
    {
        MessageNames.Check(projectName);
        ArgumentNullException.ThrowIfNull(handlers);
        ProjectName = projectName;
        Handlers = handlers.ToArray();
        foreach (var handler in Handlers)
        {
            if (!string.Equals(handler.Project, projectName, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"The handler \"{handler.Name}\" belongs to project \"{handler.Project}\", not \"{projectName}\".",
                    nameof(handlers));
            }
        }
    }

    /// <inheritdoc />
    public string ProjectName { get; }

    /// <inheritdoc />
    public IReadOnlyList<HandlerDescriptor> Handlers { get; }
}
