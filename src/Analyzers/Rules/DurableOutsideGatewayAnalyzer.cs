using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Sends;
using Switchboard.Analyzers.Text;

namespace Switchboard.Analyzers.Rules;

/// <summary>
/// SWB0021: durable delivery that cannot work. A handler declared <c>Delivery = DeliveryMode.Durable</c> outside
/// <c>Scope.Gateway</c> alone, or whose name is also declared in client or session scope (both refused by
/// <c>Gateway.AddProject</c>); <c>SendDurableAsync</c> with constant names to a handler that no gateway declares
/// (it would always be dead-lettered); and the synchronous <c>SendMessage</c> with constant names to a durable gateway
/// handler (it cannot wait for the durable queue, so it throws, or sends fire-and-forget where the gateway lacks the project).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class DurableOutsideGatewayAnalyzer : HandlerDeclarationAnalyzer
{
    private const string DurableSendMethod = "SendDurableAsync";
    private const string SynchronousSendMethod = "SendMessage";
    private const string GatewayOnly = ", and durable delivery reaches gateway handlers only";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DurableOutsideGateway);

    protected override ImmutableArray<OperationKind> ExtraOperationKinds { get; } = ImmutableArray.Create(OperationKind.Invocation);

    protected override void AnalyzeHandler(SymbolAnalysisContext context, HandlerDeclaration declaration, CompilationFacts facts)
    {
        if (!declaration.IsDurable || !declaration.HasUsableName || !ScopeText.IsValid(declaration.Scope))
        {
            return;
        }

        var location = declaration.NamedArgumentLocation("Delivery", context.CancellationToken) ?? declaration.NameLocation(context.CancellationToken);
        if (declaration.Scope != ScopeFlags.Gateway)
        {
            Report(
                context.ReportDiagnostic,
                location,
                declaration.Name!,
                $"it is declared in scope {ScopeText.Describe(declaration.Scope)}{GatewayOnly}",
                "declare it in Scope.Gateway alone, or drop Delivery = DeliveryMode.Durable");
            return;
        }

        var others = facts.Index.Find(declaration.ProjectOr(facts.AssemblyProject))?.Named(declaration.Name!) ?? ImmutableArray<KnownHandler>.Empty;
        var elsewhere = others.Aggregate(ScopeFlags.None, (scope, other) => scope | (other.Scope & ~ScopeFlags.Gateway));
        if (elsewhere != ScopeFlags.None)
        {
            Report(
                context.ReportDiagnostic,
                location,
                declaration.Name!,
                $"its name is also declared in scope {ScopeText.Describe(elsewhere)}{GatewayOnly}",
                "rename the other declaration, or drop Delivery = DeliveryMode.Durable");
        }
    }

    /// <summary>
    /// A send with constant names that cannot deliver the way the target is declared: a durable send to no gateway
    /// handler, or a <c>SendMessage</c> whose scope surely reaches a durable gateway handler (a scope or filter that is
    /// not a constant may leave the gateway out, and is not reported).
    /// </summary>
    protected override void AnalyzeOperation(OperationAnalysisContext context, CompilationFacts facts)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod.Name;
        if (method is not (DurableSendMethod or SynchronousSendMethod)
            || facts.Send(invocation) is not { MessageHandler: { } handlerArgument } call
            || SendTarget.Resolve(call, facts.Index) is not { Handlers.IsEmpty: false } target)
        {
            return;
        }

        if (method == DurableSendMethod && (target.DeclaredScope & ScopeFlags.Gateway) == 0)
        {
            Report(
                context.ReportDiagnostic,
                handlerArgument.Syntax.GetLocation(),
                target.HandlerName!,
                $"it is declared in scope {ScopeText.Describe(target.DeclaredScope)} of project '{target.ProjectName}'{GatewayOnly}",
                "send it with SendAsync, or send durably to a gateway handler");
        }
        else if (method == SynchronousSendMethod
            && IsDurableGatewayHandler(target)
            && call.KnownScope is { } scope
            && (scope & ScopeFlags.Gateway) != 0)
        {
            Report(
                context.ReportDiagnostic,
                handlerArgument.Syntax.GetLocation(),
                target.HandlerName!,
                $"it is a durable gateway handler of project '{target.ProjectName}', and SendMessage returns before a durable queue could store it "
                + "(it throws InvalidOperationException where the sender's gateway has the project, and sends fire-and-forget where it does not)",
                "send it with SendAsync or the typed stub, which wait for the durable queue and report QUEUED");
        }
    }

    private static bool IsDurableGatewayHandler(SendTarget target)
    {
        foreach (var handler in target.Handlers)
        {
            if (handler.IsDurable && (handler.Scope & ScopeFlags.Gateway) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static void Report(System.Action<Diagnostic> report, Location location, string handler, string reason, string fix) =>
        report(Diagnostic.Create(DiagnosticDescriptors.DurableOutsideGateway, location, handler, reason, fix));
}
