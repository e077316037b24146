using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Switchboard.Analyzers.Model;

namespace Switchboard.Analyzers.Sends;

/// <summary>
/// The common frame of the rules that check sends: skip generated code, run concurrently, look the Switchboard symbols
/// up once at compilation start, and hand every send-shaped invocation to <see cref="AnalyzeSend"/>.
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
                    if (SendCall.TryRead((IInvocationOperation)operation.Operation, facts.Symbols) is { } call)
                    {
                        AnalyzeSend(operation, call, facts);
                    }
                },
                OperationKind.Invocation);
        });
    }

    protected abstract void AnalyzeSend(OperationAnalysisContext context, SendCall call, CompilationFacts facts);
}
