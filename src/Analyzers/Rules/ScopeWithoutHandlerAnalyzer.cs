using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Sends;
using Switchboard.Analyzers.Text;
using Switchboard.Analyzers.Handlers;

namespace Switchboard.Analyzers.Rules;

/// <summary>
/// SWB0004: an explicit scope includes a scope where the handler is not declared, so that part reaches nobody; a send
/// without a scope whose filter makes Ignition's default (CS) miss every scope the handler is declared in; or a
/// component send goes to a scope that no handler of its message type listens on.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ScopeWithoutHandlerAnalyzer : SendAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ScopeWithoutHandler);

    protected override void AnalyzeSend(OperationAnalysisContext context, SendCall call, CompilationFacts facts)
    {
        if (call.Scope is null)
        {
            AnalyzeDefaultScope(context, call, facts);
            return;
        }

        if (!call.TryGetConstantScope(out var requested)
            || SendTarget.Resolve(call, facts.Index) is not { } target
            || target.Handlers.IsEmpty)
        {
            return;
        }

        var declared = target.DeclaredScope;
        var uncovered = requested & ~declared;
        if (uncovered == ScopeFlags.None)
        {
            return;
        }

        // Narrow to where the handler is; when none of the requested scopes has it, switch to where it is declared.
        var covered = requested & declared;
        var replacement = covered != ScopeFlags.None ? covered : declared;
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.ReplacementScope, ScopeText.ToCode(replacement))
            .Add(DiagnosticProperties.ScopeKind, call.ScopeIsString ? DiagnosticProperties.StringScope : DiagnosticProperties.EnumScope);
        if (covered == ScopeFlags.None)
        {
            properties = properties.Add(DiagnosticProperties.ScopeMovesElsewhere, "true");
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.ScopeWithoutHandler,
            call.Scope!.Value.Syntax.GetLocation(),
            properties,
            $"Handler '{target.HandlerName}' of project '{target.ProjectName}' is declared in scope {ScopeText.Describe(declared)}, "
            + $"so the {ScopeText.Describe(uncovered)} part of scope {ScopeText.ToCode(requested)} reaches nobody"));
    }

    /// <summary>
    /// Without a scope, a user, hasRole or hostName filter makes Ignition's default CS (<see cref="SendCall.DefaultScope"/>);
    /// for a handler declared only at the gateway that selects no scope with the handler, and the send reaches nobody.
    /// (Without a filter the default is CGS, which meets every declaration.) No code fix: dropping the filter and naming another handler are both
    /// plausible.
    /// </summary>
    private static void AnalyzeDefaultScope(OperationAnalysisContext context, SendCall call, CompilationFacts facts)
    {
        if (call.NarrowingFilter is not { } filter
            || SendTarget.Resolve(call, facts.Index) is not { Handlers.IsEmpty: false } target
            || (target.DeclaredScope & call.DefaultScope) != ScopeFlags.None)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.ScopeWithoutHandler,
            filter.Syntax.GetLocation(),
            $"Handler '{target.HandlerName}' of project '{target.ProjectName}' is declared in scope {ScopeText.Describe(target.DeclaredScope)}, "
            + $"and without a scope the {filter.Parameter!.Name} filter makes Ignition's default scope {ScopeText.ToCode(call.DefaultScope)}, so this send reaches nobody; "
            + "drop the filter to reach the gateway (filters never apply there)"));
    }

    protected override bool ChecksComponentSends => true;

    // A component send whose scope no handler of its message type listens on.
    protected override void AnalyzeComponentSend(OperationAnalysisContext context, ComponentSendCall call, ComponentFacts components, CompilationFacts facts) =>
        ComponentSendChecks.ScopeReachesNoHandler(context, call, components);
}
