using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Sends;
using Switchboard.Analyzers.Text;

namespace Switchboard.Analyzers.Rules;

/// <summary>SWB0008: client and session filters on a send whose explicit scope is only the gateway.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class GatewayOnlyFiltersAnalyzer : SendAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.GatewayOnlyFilters);

    protected override void AnalyzeSend(OperationAnalysisContext context, SendCall call, CompilationFacts facts)
    {
        if (call.Filters.IsEmpty || !call.TryGetConstantScope(out var scope) || scope != ScopeFlags.Gateway)
        {
            return;
        }

        // Widen to the clients and sessions the filters were meant for: where the handler is declared, when known.
        var declared = SendTarget.Resolve(call, facts.Index) is { Handlers.IsEmpty: false } target
            ? target.DeclaredScope & (ScopeFlags.Client | ScopeFlags.Session)
            : ScopeFlags.None;
        var widened = ScopeFlags.Gateway | (declared != ScopeFlags.None ? declared : ScopeFlags.Client | ScopeFlags.Session);
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.ReplacementScope, ScopeText.ToCode(widened))
            .Add(DiagnosticProperties.ScopeKind, call.ScopeIsString ? DiagnosticProperties.StringScope : DiagnosticProperties.EnumScope);
        var names = call.Filters.Select(filter => filter.Parameter!.Name).ToList();
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.GatewayOnlyFilters,
            call.Scope!.Value.Syntax.GetLocation(),
            call.Filters.Select(filter => filter.Value.Syntax.GetLocation()),
            properties,
            Describe(names),
            names.Count == 1 ? "s" : string.Empty,
            ScopeText.ToCode(scope)));
    }

    private static string Describe(List<string> names) => names.Count == 1
        ? "The filter " + names[0]
        : "The filters " + string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];
}
