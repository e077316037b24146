using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Sends;
using Switchboard.Analyzers.Text;

namespace Switchboard.Analyzers.Rules;

/// <summary>SWB0002: a send names a project that no known project has (only checked when some project is known).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class UnknownProjectAnalyzer : SendAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnknownProject);

    protected override void AnalyzeSend(OperationAnalysisContext context, SendCall call, CompilationFacts facts)
    {
        if (SendTarget.Resolve(call, facts.Index) is not { Project: null } target)
        {
            return;
        }

        var suggestion = NameSuggestion.Closest(target.ProjectName, facts.Index.ProjectNames);
        var properties = suggestion is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Suggestion, suggestion);
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.UnknownProject,
            call.Project!.Value.Syntax.GetLocation(),
            properties,
            target.ProjectName,
            NameSuggestion.Phrase(suggestion)));
    }
}
