using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Switchboard.Manifests;

namespace Switchboard.Generators;

/// <summary>
/// Turns every <c>[MessageHandler]</c> method into a registry entry with a direct invoker, typed send and request
/// stubs in a <c>&lt;Project&gt;Messages</c> class, and an assembly-level manifest. This file is the pipeline only:
/// parsing is in <c>MessageHandlerGenerator.Parser.cs</c>, grouping in <c>.Planner.cs</c>, text in <c>.Emitter.cs</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class MessageHandlerGenerator : IIncrementalGenerator
{
    /// <summary>The attribute that declares a handler.</summary>
    public const string MessageHandlerAttributeName = "Switchboard.MessageHandlerAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var handlers = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                MessageHandlerAttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (attributed, cancellationToken) => Parser.ParseHandler(attributed, cancellationToken))
            .WithTrackingName(StepNames.Handlers)
            .Where(static handler => handler is not null)
            .Select(static (handler, _) => handler!)
            .WithTrackingName(StepNames.ValidHandlers);

        // Only the assembly name and one attribute are taken from the compilation, as an equatable value.
        var assembly = context.CompilationProvider
            .Select(static (compilation, cancellationToken) => Parser.ParseAssembly(compilation, cancellationToken))
            .WithTrackingName(StepNames.Assembly);

        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => Parser.ParseRootNamespace(options.GlobalOptions))
            .WithTrackingName(StepNames.RootNamespace);

        var settings = assembly
            .Combine(rootNamespace)
            .Select(static (pair, _) => Parser.ParseSettings(pair.Left, pair.Right))
            .WithTrackingName(StepNames.Settings);

        var projects = handlers
            .Collect()
            .Combine(settings)
            .SelectMany(static (pair, cancellationToken) => Planner.Plan(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(StepNames.Projects);

        context.RegisterSourceOutput(projects, static (output, project) => Emitter.Emit(output, project));

        // This compilation's manifest, as JSON in a generated comment that the build targets copy to a file.
        var localProjects = projects.Collect();
        context.RegisterSourceOutput(localProjects, static (output, all) => Emitter.EmitExport(output, all));

        // Projects built elsewhere, from their *.switchboard.json manifests (AdditionalFiles): typed stubs only.
        var manifests = context.AdditionalTextsProvider
            .Where(static file => HandlerManifest.IsManifestPath(file.Path))
            .Select(static (file, cancellationToken) => Parser.ParseManifestFile(file, cancellationToken))
            .WithTrackingName(StepNames.ManifestFiles)
            .Collect();

        // Which manifest types this compilation can name: only the names leave this step, not the compilation.
        var availableTypes = manifests
            .Select(static (files, _) => Parser.ManifestTypeNames(files))
            .Combine(context.CompilationProvider)
            .Select(static (pair, cancellationToken) => Parser.ResolveTypeNames(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(StepNames.ManifestTypes);

        var foreignProjects = manifests
            .Combine(availableTypes)
            .Combine(localProjects)
            .Combine(settings)
            .SelectMany(static (input, cancellationToken) =>
                Planner.PlanForeign(input.Left.Left.Left, input.Left.Left.Right, input.Left.Right, input.Right, cancellationToken))
            .WithTrackingName(StepNames.ForeignProjects);

        context.RegisterSourceOutput(foreignProjects, static (output, project) => Emitter.EmitForeign(output, project));
    }
}
