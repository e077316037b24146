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
/// <c>Gateway.AddProject</c>); and <c>SendDurableAsync</c> with constant names to a handler that no gateway declares
/// (it would always be dead-lettered).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class DurableOutsideGatewayAnalyzer : HandlerDeclarationAnalyzer
{
    private const string DurableSendMethod = "SendDurableAsync";

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
                $"it is declared in scope {ScopeText.Describe(declaration.Scope)}",
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
                $"its name is also declared in scope {ScopeText.Describe(elsewhere)}",
                "rename the other declaration, or drop Delivery = DeliveryMode.Durable");
        }
    }

    /// <summary>A <c>SendDurableAsync</c> whose constant handler name is known, but not as a gateway handler.</summary>
    protected override void AnalyzeOperation(OperationAnalysisContext context, CompilationFacts facts)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != DurableSendMethod
            || facts.Send(invocation) is not { MessageHandler: { } handlerArgument } call
            || SendTarget.Resolve(call, facts.Index) is not { Handlers.IsEmpty: false } target
            || (target.DeclaredScope & ScopeFlags.Gateway) != 0)
        {
            return;
        }

        Report(
            context.ReportDiagnostic,
            handlerArgument.Syntax.GetLocation(),
            target.HandlerName!,
            $"it is declared in scope {ScopeText.Describe(target.DeclaredScope)} of project '{target.ProjectName}'",
            "send it with SendAsync, or send durably to a gateway handler");
    }

    private static void Report(System.Action<Diagnostic> report, Location location, string handler, string reason, string fix) =>
        report(Diagnostic.Create(DiagnosticDescriptors.DurableOutsideGateway, location, handler, reason, fix));
}
