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
/// A component message's dictionary is checked as the web JSON defaults read it (<see cref="AnalyzeComponentDictionary"/>).
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
                ReportUnknownKey(context, key, syntax, members.Names, about, lost: string.Empty);
            }
        }

        ReportMissingKeys(context, literal, members.Required, about);
    }

    /// <summary>
    /// <c>JsonSerializerDefaults.Web</c> skips a key that matches nothing, so one is reported only when no payload the
    /// send reaches reads it (its value is lost); it leaves a constructor parameter at its default, so only required
    /// properties must be given (else the send throws).
    /// </summary>
    protected override void AnalyzeComponentDictionary(
        OperationAnalysisContext context, DictionaryLiteral literal, ComponentPayloads payloads, CompilationFacts facts)
    {
        if (payloads.KeysMustMatch)
        {
            foreach (var (key, syntax, _) in literal.Keys)
            {
                if (!payloads.Typed.Any(payload => payload.Members.Accepts(key)))
                {
                    ReportUnknownKey(context, key, syntax, payloads.Typed.SelectMany(payload => payload.Members.Names), payloads.About, ", which skips it, so its value is lost");
                }
            }
        }

        foreach (var payload in payloads.Typed)
        {
            ReportMissingKeys(context, literal, payload.Members.Required.Where(required => !required.IsConstructorParameter), payload.About);
        }
    }

    private static void ReportUnknownKey(OperationAnalysisContext context, string key, SyntaxNode syntax, IEnumerable<string> names, string about, string lost)
    {
        var suggestion = NameSuggestion.Phrase(NameSuggestion.Closest(key, names));
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.DictionaryPayloadKeys,
            syntax.GetLocation(),
            $"The key '{key}' matches no property of {about}{lost}{suggestion}"));
    }

    private static void ReportMissingKeys(OperationAnalysisContext context, DictionaryLiteral literal, IEnumerable<RequiredKey> required, string about)
    {
        if (!literal.AllKeysConstant)
        {
            return;
        }

        var missing = required
            .Where(key => !literal.Keys.Any(entry => string.Equals(entry.Key, key.Key, System.StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.MissingKeys, string.Join("\n", missing.Select(key => key.Key)))
            .Add(DiagnosticProperties.Placeholders, string.Join("\n", missing.Select(key => Placeholder.For(key.Type))));
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
