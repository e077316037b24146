using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Model;

namespace Switchboard.Analyzers.Rules;

/// <summary>
/// SWB0005: a handler whose parameters or return type the generated invoker cannot use, or a component handler whose
/// parameters or return type its component cannot use.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class HandlerSignatureAnalyzer : HandlerDeclarationAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnsupportedHandlerSignature);

    protected override void AnalyzeHandler(SymbolAnalysisContext context, HandlerDeclaration declaration, CompilationFacts facts)
    {
        var method = declaration.Method;
        if (UncallableHandlerAnalyzer.IsGeneric(method))
        {
            // A generic handler is reported as uncallable; its type-parameter payload is not a signature problem.
            return;
        }

        var shape = declaration.Shape;
        var name = declaration.HasUsableName ? declaration.Name! : method.Name;
        foreach (var problem in shape.Problems)
        {
            var location = problem.Parameter is { } parameter
                ? LocationOf(parameter, context.CancellationToken)
                : ReturnTypeLocation(method, context.CancellationToken);
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.UnsupportedHandlerSignature,
                location,
                ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.ProblemKind, problem.Kind.ToString()),
                name,
                problem.Message));
        }
    }

    // [ComponentMessageHandler]: more than one parameter, a payload that cannot be an object, or another return type.
    protected override void AnalyzeComponentMethod(SymbolAnalysisContext context, IMethodSymbol method, ComponentFacts components) =>
        ComponentHandlerChecks.Signature(method, components, context.ReportDiagnostic, context.CancellationToken);

    internal static Location LocationOf(IParameterSymbol parameter, CancellationToken cancellationToken) =>
        parameter.DeclaringSyntaxReferences.Length > 0
            ? parameter.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken).GetLocation()
            : parameter.Locations[0];

    internal static Location ReturnTypeLocation(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax syntax)
            {
                return syntax.ReturnType.GetLocation();
            }
        }

        return method.Locations[0];
    }
}
