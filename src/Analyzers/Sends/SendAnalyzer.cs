using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Model;

namespace Switchboard.Analyzers.Sends;

/// <summary>
/// The common frame of the rules that check sends: skip generated code, run concurrently, take the compilation's shared
/// facts at compilation start, and hand every send-shaped invocation to <see cref="AnalyzeSend"/> with its reading,
/// made once per invocation for all these rules, and every component message send to
/// <see cref="AnalyzeComponentSend"/> when the rule <see cref="ChecksComponentSends"/>.
/// </summary>
internal abstract class SendAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (CompilationFacts.TryCreate(start.Compilation, start.Options) is not { } facts)
            {
                return;
            }

            var components = ChecksComponentSends ? facts.Components : null;
            start.RegisterOperationAction(
                operation =>
                {
                    var invocation = (IInvocationOperation)operation.Operation;
                    if (facts.Send(invocation) is { } call)
                    {
                        AnalyzeSend(operation, call, facts);
                    }
                    else if (components is not null && ComponentSendCall.TryRead(invocation, components) is { } componentSend)
                    {
                        AnalyzeComponentSend(operation, componentSend, components, facts);
                    }
                },
                OperationKind.Invocation);
        });
    }

    protected abstract void AnalyzeSend(OperationAnalysisContext context, SendCall call, CompilationFacts facts);

    /// <summary>Whether the rule also checks component message sends (<see cref="AnalyzeComponentSend"/>).</summary>
    protected virtual bool ChecksComponentSends => false;

    /// <summary>Called for each component message send, when <see cref="ChecksComponentSends"/>.</summary>
    protected virtual void AnalyzeComponentSend(OperationAnalysisContext context, ComponentSendCall call, ComponentFacts components, CompilationFacts facts)
    {
    }
}
