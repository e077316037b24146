using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Switchboard.Generators;

/// <summary>
/// Turns the <c>[ComponentMessageHandler]</c> methods of Blazor components (package <c>Switchboard.AspNetCore</c>) into a
/// <c>ComponentMessages</c> class: a constant per message type and typed <c>Send…Async</c> stubs on <c>BrowserSession</c>
/// and <c>Session</c>. This file is the pipeline only: <c>.Parser.cs</c>, <c>.Planner.cs</c> and <c>.Emitter.cs</c> do the work.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class ComponentMessageGenerator : IIncrementalGenerator
{
    /// <summary>The attribute that declares a component message handler.</summary>
    public const string ComponentMessageHandlerAttributeName = "Switchboard.AspNetCore.ComponentMessageHandlerAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var handlers = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ComponentMessageHandlerAttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (attributed, cancellationToken) => Parser.ParseHandlers(attributed, cancellationToken))
            .WithTrackingName(ComponentStepNames.ComponentHandlers);

        var ns = context.CompilationProvider
            .Select(static (compilation, _) => compilation.AssemblyName ?? "")
            .Combine(context.AnalyzerConfigOptionsProvider.Select(static (options, _) => Parser.ParseRootNamespace(options.GlobalOptions)))
            .Select(static (pair, _) => Text.Identifiers.ToNamespace(pair.Right ?? pair.Left))
            .WithTrackingName(ComponentStepNames.ComponentNamespace);

        var messages = handlers
            .Collect()
            .Combine(ns)
            .Select(static (pair, cancellationToken) => Planner.Plan(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(ComponentStepNames.ComponentMessages);

        context.RegisterSourceOutput(messages, static (output, spec) => Emitter.Emit(output, spec));
    }
}
