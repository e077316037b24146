using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Payloads;

namespace Switchboard.Analyzers.Rules;

/// <summary>
/// SWB0030: a handler's payload or response type that the generator cannot describe as System.Text.Json metadata
/// (<see cref="PayloadJsonShapes"/>, the generator's own rule), so converting it would need reflection, which native
/// AOT does not have. Reported on the payload parameter or the return type.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class PayloadJsonMetadataAnalyzer : HandlerDeclarationAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.PayloadJsonMetadata);

    protected override void AnalyzeHandler(SymbolAnalysisContext context, HandlerDeclaration declaration, CompilationFacts facts)
    {
        var method = declaration.Method;
        var shape = declaration.Shape;
        if (!shape.IsValid || !declaration.HasUsableName)
        {
            return;
        }

        if (shape.PayloadType is { } payload && !facts.Symbols.Shapes.IsUntypedPayload(payload))
        {
            Report(context, declaration, facts, payload, "takes", PayloadLocation(method, payload, context));
        }

        if (shape.ResponseType is { } response)
        {
            var location = method.DeclaringSyntaxReferences.Length > 0 && method.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken)
                is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax syntax
                ? syntax.ReturnType.GetLocation()
                : method.Locations[0];
            Report(context, declaration, facts, response, "answers with", location);
        }
    }

    private static void Report(SymbolAnalysisContext context, HandlerDeclaration declaration, CompilationFacts facts, ITypeSymbol type, string role, Location location)
    {
        var closure = facts.JsonClosureOf(type);
        if (closure.Problem is null)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.PayloadJsonMetadata,
            location,
            declaration.Name,
            role,
            type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
            closure.Problem));
    }

    private static Location PayloadLocation(IMethodSymbol method, ITypeSymbol payload, SymbolAnalysisContext context)
    {
        foreach (var parameter in method.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, payload) && parameter.DeclaringSyntaxReferences.Length > 0)
            {
                return parameter.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken).GetLocation();
            }
        }

        return method.Locations[0];
    }
}
