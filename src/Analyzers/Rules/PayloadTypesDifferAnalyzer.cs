using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Text;

namespace Switchboard.Analyzers.Rules;

/// <summary>
/// SWB0016: one handler name declared in several scopes of a project with different typed payloads. The generator then
/// types the name's stub payload as <c>object</c>. Only this compilation's declarations count: they are the ones that
/// make up one generated class. Dictionary payloads are bridged to the typed one, so they never count as different.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class PayloadTypesDifferAnalyzer : HandlerDeclarationAnalyzer
{
    // How the generator writes a payload type: a different text is a different type to it (nested nullability included).
    private static readonly SymbolDisplayFormat GeneratedTypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.PayloadTypesDifferByScope);

    protected override void AnalyzeHandler(SymbolAnalysisContext context, HandlerDeclaration declaration, CompilationFacts facts)
    {
        if (!IsGenerated(declaration) || TypedPayloadOf(declaration, facts) is not { } payload)
        {
            return;
        }

        var projectName = declaration.ProjectOr(facts.AssemblyProject);
        if (facts.Index.Find(projectName) is not { } project)
        {
            return;
        }

        var typed = new List<(KnownHandler Handler, ITypeSymbol Payload)>();
        foreach (var other in project.Named(declaration.Name!))
        {
            if (other.Method is { } method && other.IsPayloadKnown && other.ReturnsValue is not null
                && UncallableHandlerAnalyzer.Reason(method) is null
                && facts.Declaration(method) is { } otherDeclaration
                && TypedPayloadOf(otherDeclaration, facts) is { } otherPayload)
            {
                typed.Add((other, otherPayload));
            }
        }

        var ownText = GeneratedText(payload);
        if (typed.All(entry => GeneratedText(entry.Payload) == ownText))
        {
            return;
        }

        var ordered = typed.OrderBy(entry => (int)entry.Handler.Scope).ThenBy(entry => entry.Handler.Origin, StringComparer.Ordinal).ToList();
        var byScope = string.Join("; ", ordered.Select(entry =>
            $"{ScopeText.Describe(entry.Handler.Scope)}: {Display(entry.Payload)} in {entry.Handler.Origin}"));
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.PayloadTypesDifferByScope,
            PayloadLocation(declaration.Method, payload, context.CancellationToken),
            declaration.Name,
            projectName,
            byScope,
            Display(Suggested(ordered))));
    }

    /// <summary>The gateway declaration's type, which requests carry; otherwise the type most declarations take.</summary>
    private static ITypeSymbol Suggested(List<(KnownHandler Handler, ITypeSymbol Payload)> typed)
    {
        foreach (var entry in typed)
        {
            if ((entry.Handler.Scope & ScopeFlags.Gateway) != 0)
            {
                return entry.Payload;
            }
        }

        return typed
            .GroupBy(entry => GeneratedText(entry.Payload), StringComparer.Ordinal)
            .OrderByDescending(group => group.Count())
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .First()
            .First()
            .Payload;
    }

    // Declarations the generator skips (reported by other rules) do not shape the stub.
    private static bool IsGenerated(HandlerDeclaration declaration) =>
        declaration.HasUsableName && ScopeText.IsValid(declaration.Scope) && !declaration.HasUnusableProject
        && declaration.HasKnownThreading && UncallableHandlerAnalyzer.Reason(declaration.Method) is null;

    /// <summary>The typed payload of a valid handler; <see langword="null"/> for none, a dictionary or an invalid shape.</summary>
    private static ITypeSymbol? TypedPayloadOf(HandlerDeclaration declaration, CompilationFacts facts)
    {
        var shape = declaration.Shape;
        return shape.IsValid && shape.PayloadType is { } payload && !facts.Symbols.Shapes.IsUntypedPayload(payload) ? payload : null;
    }

    private static string GeneratedText(ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(GeneratedTypeFormat);

    private static string Display(ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    private static Location PayloadLocation(IMethodSymbol method, ITypeSymbol payload, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var parameter in method.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, payload) && parameter.DeclaringSyntaxReferences.Length > 0)
            {
                return parameter.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken).GetLocation();
            }
        }

        return method.Locations.Length > 0 ? method.Locations[0] : Location.None;
    }
}
