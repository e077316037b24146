using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Switchboard.Analyzers.Rules;

/// <summary>
/// The mistakes of <c>[MessageHandler]</c> declarations, made on a Blazor component's <c>[ComponentMessageHandler]</c>
/// (package Switchboard.AspNetCore), under the same IDs: SWB0010 an empty message type, SWB0003 listen scopes that
/// are not View, Page and Session, SWB0005 a shape the component cannot be called with, SWB0007 a method on a class
/// that is not a <c>MessagingComponentBase</c> (nothing ever registers it).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ComponentHandlerAnalyzer : DiagnosticAnalyzer
{
    private const string AttributeName = "Switchboard.AspNetCore.ComponentMessageHandlerAttribute";
    private const string BaseName = "Switchboard.AspNetCore.MessagingComponentBase";
    private const int AllScopes = 1 | 2 | 4;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.EmptyHandlerName,
        DiagnosticDescriptors.InvalidScope,
        DiagnosticDescriptors.UnsupportedHandlerSignature,
        DiagnosticDescriptors.UncallableHandler);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName(AttributeName) is not { } attribute
                || start.Compilation.GetTypeByMetadataName(BaseName) is not { } componentBase)
            {
                return;
            }

            start.RegisterSymbolAction(symbol => Analyze(symbol, attribute, componentBase), SymbolKind.Method);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol attributeType, INamedTypeSymbol componentBase)
    {
        var method = (IMethodSymbol)context.Symbol;
        var attributes = method.GetAttributes().Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType)).ToList();
        if (attributes.Count == 0)
        {
            return;
        }

        var name = method.ContainingType.Name + "." + method.Name;
        foreach (var attribute in attributes)
        {
            var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? method.Locations[0];
            if (attribute.ConstructorArguments.Length > 0 && string.IsNullOrWhiteSpace(attribute.ConstructorArguments[0].Value as string))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.EmptyHandlerName, location));
            }

            if (attribute.ConstructorArguments.Length > 1 && attribute.ConstructorArguments[1].Value is int scopes && (scopes == 0 || (scopes & ~AllScopes) != 0))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidScope, location,
                    $"Listen scopes must be ListenScope.View, Page, Session or a combination of them, not {scopes}"));
            }
        }

        if (!DerivesFrom(method.ContainingType, componentBase))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UncallableHandler, method.Locations[0], name,
                "a component message handler must be declared on a component that inherits MessagingComponentBase"));
            return;
        }

        var problem = method.IsStatic ? "must be an instance method of the component"
            : method.IsGenericMethod ? "must not be generic"
            : method.Parameters.Length > 1 ? "takes at most one payload parameter"
            : !ReturnsNothing(method.ReturnType) ? "must return void, Task or ValueTask"
            : null;
        if (problem is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnsupportedHandlerSignature, method.Locations[0], name, problem));
        }
    }

    private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReturnsNothing(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_Void
        || type.ToDisplayString() is "System.Threading.Tasks.Task" or "System.Threading.Tasks.ValueTask";
}
