using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Sends;
using Switchboard.Analyzers.Text;

namespace Switchboard.Analyzers.Rules;

/// <summary>SWB0012: a dictionary literal payload whose keys do not match the payload type of the typed handler it goes to.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class DictionaryPayloadKeysAnalyzer : SendAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DictionaryPayloadKeys);

    protected override void AnalyzeSend(OperationAnalysisContext context, SendCall call, CompilationFacts facts)
    {
        if (call.Payload is null
            || DictionaryLiteral.TryRead(call.Payload.Value) is not { } literal
            || SendTarget.Resolve(call, facts.Index) is not { Handlers.IsEmpty: false } target)
        {
            return;
        }

        foreach (var members in PayloadTypesReached(call, target, facts.Symbols))
        {
            var typeName = members.TypeName;
            var about = $"'{typeName}', the payload of handler '{target.HandlerName}' in project '{target.ProjectName}'";
            foreach (var (key, syntax) in literal.Keys)
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
                continue;
            }

            foreach (var required in members.Required)
            {
                if (!literal.Keys.Any(entry => string.Equals(entry.Key, required, System.StringComparison.OrdinalIgnoreCase)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.DictionaryPayloadKeys,
                        literal.Creation.Syntax.GetLocation(),
                        $"The dictionary has no key for '{required}', a required property of {about}"));
                }
            }
        }
    }

    /// <summary>The distinct typed payloads among the declarations the send can reach (requests: the gateway one).</summary>
    private static IEnumerable<PayloadMembers> PayloadTypesReached(SendCall call, SendTarget target, SwitchboardSymbols symbols)
    {
        var reached = call.IsRequest ? ScopeFlags.Gateway : call.TryGetConstantScope(out var scope) ? scope : ScopeFlags.All;
        var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var handler in target.Handlers)
        {
            if ((handler.Scope & reached) != 0
                && handler.IsPayloadKnown
                && handler.PayloadType is { } payloadType
                && !symbols.Shapes.IsUntypedPayload(payloadType)
                && seen.Add(payloadType)
                && PayloadMembers.TryCreate(payloadType, symbols) is { } members)
            {
                yield return members;
            }
            else if ((handler.Scope & reached) != 0
                && handler.PayloadType is null
                && handler.ManifestPayload is { IsDictionary: false } manifestPayload
                && PayloadMembers.FromManifest(manifestPayload) is { } recorded)
            {
                // A project built elsewhere whose payload type this compilation cannot name: its manifest's shape.
                yield return recorded;
            }
        }
    }
}
