using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Payloads;
using Switchboard.Analyzers.Sends;

namespace Switchboard.Analyzers.Rules;

/// <summary>
/// SWB0019: <c>SendRequestAsync&lt;T&gt;</c> to a gateway handler whose answer can never be a <c>T</c>. The runtime
/// hands the handler's value over as it is (<c>value is T</c>), so an <c>int</c> answer is never a <c>long</c>.
/// A request to a remote server is left alone: its answer crosses the network as JSON and is read as <c>T</c> there.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ResponseTypeAnalyzer : SendAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ResponseTypeMismatch);

    protected override void AnalyzeSend(OperationAnalysisContext context, SendCall call, CompilationFacts facts)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!call.IsRequest
            || call.RemoteServers is not null
            || invocation.TargetMethod.TypeArguments.Length != 1
            || SendTarget.Resolve(call, facts.Index) is not { Handlers.IsEmpty: false } target)
        {
            return;
        }

        var wanted = invocation.TargetMethod.TypeArguments[0];
        foreach (var handler in target.Handlers)
        {
            if ((handler.Scope & ScopeFlags.Gateway) == 0
                || handler.ResponseType is not { } answer
                || RuntimeTypes.MayBeInstanceOf(context.Compilation, answer, wanted))
            {
                continue;
            }

            var answerName = answer.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ResponseTypeMismatch,
                ResponseTypeLocation(invocation),
                ImmutableDictionary<string, string?>.Empty
                    .Add(DiagnosticProperties.ResponseType, answer.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
                    .Add(DiagnosticProperties.ResponseTypeDisplay, answerName),
                target.HandlerName,
                target.ProjectName,
                answerName,
                wanted.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
        }
    }

    /// <summary>The written type argument (<c>long</c> of <c>SendRequestAsync&lt;long&gt;</c>), else the method name.</summary>
    private static Location ResponseTypeLocation(IInvocationOperation invocation)
    {
        var name = invocation.Syntax is InvocationExpressionSyntax { Expression: var expression }
            ? expression switch
            {
                MemberAccessExpressionSyntax member => member.Name,
                MemberBindingExpressionSyntax binding => binding.Name,
                SimpleNameSyntax simple => simple,
                _ => null,
            }
            : null;
        return name is GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } generic
            ? generic.TypeArgumentList.Arguments[0].GetLocation()
            : invocation.Syntax.GetLocation();
    }
}
