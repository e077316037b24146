using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Sends;
using Switchboard.Analyzers.Text;

namespace Switchboard.Analyzers.Rules;

/// <summary>SWB0009: a request to a handler that is not a gateway handler, or that returns nothing.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class RequestTargetAnalyzer : SendAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.InvalidRequestTarget);

    protected override void AnalyzeSend(OperationAnalysisContext context, SendCall call, CompilationFacts facts)
    {
        if (!call.IsRequest || SendTarget.Resolve(call, facts.Index) is not { Handlers.IsEmpty: false } target)
        {
            return;
        }

        var gatewayHandlers = target.Handlers.Where(handler => (handler.Scope & ScopeFlags.Gateway) != 0).ToList();
        string reason;
        if (gatewayHandlers.Count == 0)
        {
            reason = $"it is declared in scope {ScopeText.Describe(target.DeclaredScope)}, and a request goes to a gateway handler";
        }
        else if (gatewayHandlers.All(handler => handler.ReturnsValue == false))
        {
            reason = "it returns nothing; a request handler returns a value, Task<T> or ValueTask<T>";
        }
        else
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.InvalidRequestTarget,
            call.MessageHandler!.Value.Syntax.GetLocation(),
            target.HandlerName,
            target.ProjectName,
            reason));
    }
}
