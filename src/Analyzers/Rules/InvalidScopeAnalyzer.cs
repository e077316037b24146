using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Sends;
using Switchboard.Analyzers.Text;

namespace Switchboard.Analyzers.Rules;

/// <summary>SWB0003: a constant scope that the runtime rejects (empty string, unknown or repeated letter, bad Scope value).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class InvalidScopeAnalyzer : SendAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.InvalidScope);

    protected override void AnalyzeSend(OperationAnalysisContext context, SendCall call, CompilationFacts facts)
    {
        if (call.Scope is not { } argument || SendCall.ConstantOf(argument.Value) is not { HasValue: true } constant)
        {
            return;
        }

        string? error;
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (call.ScopeIsString)
        {
            if (ScopeText.TryParse(constant.Value as string, out _, out error))
            {
                return;
            }

            properties = properties
                .Add(DiagnosticProperties.ReplacementScope, ScopeText.Correct(constant.Value as string))
                .Add(DiagnosticProperties.ScopeKind, DiagnosticProperties.StringScope);
        }
        else
        {
            if (constant.Value is not int value || ScopeText.IsValid((ScopeFlags)value))
            {
                return;
            }

            error = $"The scope value {value} is not a non-empty combination of Scope.Client, Scope.Gateway and Scope.Session";
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.InvalidScope, argument.Value.Syntax.GetLocation(), properties, error));
    }
}
