using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Payloads;
using Switchboard.Analyzers.Sends;
using Switchboard.Analyzers.Text;

namespace Switchboard.Analyzers.Rules;

/// <summary>
/// SWB0012: a dictionary literal payload whose keys do not match the payload type of the typed handler it goes to: a
/// key that matches no property, or no key for a value the type requires. Keys match ignoring case, as at run time.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class DictionaryPayloadKeysAnalyzer : DictionaryPayloadAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DictionaryPayloadKeys);

    protected override void AnalyzeDictionary(
        OperationAnalysisContext context, DictionaryLiteral literal, SendTarget target, PayloadMembers members, CompilationFacts facts)
    {
        var about = $"'{members.TypeName}', the payload of handler '{target.HandlerName}' in project '{target.ProjectName}'";
        foreach (var (key, syntax, _) in literal.Keys)
        {
            if (!members.Accepts(key))
            {
                var suggestion = NameSuggestion.Phrase(NameSuggestion.Closest(key, members.Names));
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DictionaryPayloadKeys,
                    syntax.GetLocation(),
                    $"The key '{key}' matches no property of {about}{suggestion}"));
            }
        }

        if (!literal.AllKeysConstant)
        {
            return;
        }

        var missing = members.Required
            .Where(required => !literal.Keys.Any(entry => string.Equals(entry.Key, required.Key, System.StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.MissingKeys, string.Join("\n", missing.Select(required => required.Key)))
            .Add(DiagnosticProperties.Placeholders, string.Join("\n", missing.Select(required => Placeholder.For(required.Type))));
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.DictionaryPayloadKeys,
            literal.Creation.Syntax.GetLocation(),
            properties,
            MissingMessage(missing, about)));
    }

    private static string MissingMessage(List<RequiredKey> missing, string about)
    {
        if (missing.Count == 1)
        {
            return $"The dictionary has no key for '{missing[0].Key}', {missing[0].Reason} of {about}";
        }

        var sameReason = missing.All(required => required.Reason == missing[0].Reason);
        var keys = missing.Select(required => sameReason ? $"'{required.Key}'" : $"'{required.Key}' ({required.Reason})").ToList();
        var list = string.Join(", ", keys.Take(keys.Count - 1)) + " and " + keys[keys.Count - 1];
        return sameReason
            ? $"The dictionary has no keys for {list}, each {missing[0].Reason} of {about}"
            : $"The dictionary has no keys for {list}, which {about} requires";
    }
}
