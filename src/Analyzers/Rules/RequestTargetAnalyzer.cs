using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Sends;
using Switchboard.Analyzers.Text;

namespace Switchboard.Analyzers.Rules;

/// <summary>
/// SWB0009: a request to a handler that is not a gateway handler, or that returns nothing; a request-all to a scope
/// whose handlers all return nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class RequestTargetAnalyzer : SendAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.InvalidRequestTarget);

    protected override void AnalyzeSend(OperationAnalysisContext context, SendCall call, CompilationFacts facts)
    {
        if (!(call.IsRequest || call.IsRequestAll) || SendTarget.Resolve(call, facts.Index) is not { Handlers.IsEmpty: false } target)
        {
            return;
        }

        if ((call.IsRequestAll ? RequestAllReason(call, target) : RequestReason(target)) is { } reason)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InvalidRequestTarget,
                call.MessageHandler!.Value.Syntax.GetLocation(),
                target.HandlerName,
                target.ProjectName,
                reason));
        }
    }

    private static string? RequestReason(SendTarget target)
    {
        var gatewayHandlers = target.Handlers.Where(handler => (handler.Scope & ScopeFlags.Gateway) != 0).ToList();
        if (gatewayHandlers.Count == 0)
        {
            return $"it is declared in scope {ScopeText.Describe(target.DeclaredScope)}, and a request goes to a gateway handler";
        }

        return gatewayHandlers.All(handler => handler.ReturnsValue == false)
            ? "it returns nothing; a request handler returns a value, Task<T> or ValueTask<T>"
            : null;
    }

    /// <summary>
    /// A request-all asks every handler its scope selects (the explicit scope, else Ignition's default); it is wrong
    /// only when every one of them returns nothing. A scope with no declaration at all is the scope rules' finding.
    /// </summary>
    private static string? RequestAllReason(SendCall call, SendTarget target)
    {
        var selected = call.TryGetConstantScope(out var scope) ? scope : call.DefaultScope;
        var reached = target.Handlers.Where(handler => (handler.Scope & selected) != 0).ToList();
        if (reached.Count == 0 || !reached.All(handler => (handler.Scope & selected & ~SurelyReturnsNothing(handler)) == ScopeFlags.None))
        {
            return null;
        }

        var where = ScopeFlags.None;
        foreach (var handler in reached)
        {
            where |= handler.Scope & selected;
        }

        return $"it returns nothing in scope {ScopeText.Describe(where)}, which the request-all asks; a handler that answers returns a value, Task<T> or ValueTask<T>";
    }

    /// <summary>
    /// The scopes where <paramref name="handler"/> is known to return nothing. A method in source says so for all its
    /// scopes. A referenced manifest merges a name's scopes and records the gateway declaration's response type, so
    /// for a name with a gateway declaration it speaks only for the gateway.
    /// </summary>
    private static ScopeFlags SurelyReturnsNothing(KnownHandler handler) => handler.ReturnsValue != false
        ? ScopeFlags.None
        : handler.Method is null && (handler.Scope & ScopeFlags.Gateway) != 0 ? ScopeFlags.Gateway : handler.Scope;
}
