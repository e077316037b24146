namespace Switchboard.Generators;

/// <summary>The tracking names of the generator's pipeline steps, for incremental-caching tests.</summary>
public static class StepNames
{
    /// <summary>Each <c>[MessageHandler]</c> method parsed; <see langword="null"/> for an invalid one.</summary>
    public const string Handlers = nameof(Handlers);

    /// <summary>The valid handlers only.</summary>
    public const string ValidHandlers = nameof(ValidHandlers);

    /// <summary>The assembly name and its <c>[assembly: MessagingProject]</c>.</summary>
    public const string Assembly = nameof(Assembly);

    /// <summary>The <c>RootNamespace</c> build property.</summary>
    public const string RootNamespace = nameof(RootNamespace);

    /// <summary>The default project and the namespace of the generated classes.</summary>
    public const string Settings = nameof(Settings);

    /// <summary>The handlers grouped into projects, one model per project.</summary>
    public const string Projects = nameof(Projects);

    /// <summary>Each <c>*.switchboard.json</c> additional file read into values.</summary>
    public const string ManifestFiles = nameof(ManifestFiles);

    /// <summary>The manifests' payload and response types that this compilation can name.</summary>
    public const string ManifestTypes = nameof(ManifestTypes);

    /// <summary>The foreign projects planned from the manifests, one model per project.</summary>
    public const string ForeignProjects = nameof(ForeignProjects);
}
