using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Sends;
using Switchboard.Analyzers.Text;
using Switchboard.Analyzers.Handlers;

namespace Switchboard.Analyzers.Rules;

/// <summary>
/// SWB0001: a send names a handler that no handler of its (known) project declares, or a component message send a message
/// type that no component handler declares.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class UnknownHandlerNameAnalyzer : SendAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnknownHandlerName);

    protected override void AnalyzeSend(OperationAnalysisContext context, SendCall call, CompilationFacts facts)
    {
        if (call.HandlerName is not { } name || string.IsNullOrWhiteSpace(name)
            || SendTarget.Resolve(call, facts.Index) is not { Project: { } project } target
            || !target.Handlers.IsEmpty)
        {
            return;
        }

        var suggestion = NameSuggestion.Closest(name, project.HandlerNames);
        var properties = suggestion is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Suggestion, suggestion);
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.UnknownHandlerName,
            call.MessageHandler!.Value.Syntax.GetLocation(),
            properties,
            $"Project '{project.Name}' declares no handler named '{name}'{NameSuggestion.Phrase(suggestion)}"));
    }

    protected override bool ChecksComponentSends => true;

    // A component message type that no [ComponentMessageHandler] of the compilation declares.
    protected override void AnalyzeComponentSend(OperationAnalysisContext context, ComponentSendCall call, ComponentFacts components, CompilationFacts facts) =>
        ComponentSendChecks.UnknownMessageType(context, call, components);
}
