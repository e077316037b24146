using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Switchboard.Analyzers.Model;

namespace Switchboard.Analyzers.Sends;

/// <summary>
/// The common frame of the rules that check sends: skip generated code, run concurrently, take the compilation's shared
/// facts at compilation start, and hand every send-shaped invocation to <see cref="AnalyzeSend"/> with its reading,
/// made once per invocation for all these rules.
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

            start.RegisterOperationAction(
                operation =>
                {
                    if (facts.Send((IInvocationOperation)operation.Operation) is { } call)
                    {
                        AnalyzeSend(operation, call, facts);
                    }
                },
                OperationKind.Invocation);
        });
    }

    protected abstract void AnalyzeSend(OperationAnalysisContext context, SendCall call, CompilationFacts facts);
}
