using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Switchboard.Generators.Model;

namespace Switchboard.Generators;

public sealed partial class ComponentMessageGenerator
{
    internal static class Parser
    {
        private const int AllScopes = 1 | 2 | 4;

        /// <summary>The valid handlers a method declares (one per attribute); an invalid method declares none.</summary>
        public static EquatableArray<ComponentHandlerSpec> ParseHandlers(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (context.TargetSymbol is not IMethodSymbol method || method.IsStatic || method.IsGenericMethod || method.Parameters.Length > 1
                || !ReturnsNothing(method.ReturnType))
            {
                return EquatableArray<ComponentHandlerSpec>.Empty;
            }

            var payload = method.Parameters.Length == 1
                ? method.Parameters[0].Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithMiscellaneousOptions(
                    SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier))
                : null;
            var where = $"{method.ContainingType.ToDisplayString()}.{method.Name}";
            var specs = ImmutableArray.CreateBuilder<ComponentHandlerSpec>();
            foreach (var attribute in context.Attributes)
            {
                if (attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0].Value is not string { Length: > 0 } name)
                {
                    continue;
                }

                var scopes = attribute.ConstructorArguments.Length > 1 && attribute.ConstructorArguments[1].Value is int value ? value : 2;
                if (scopes != 0 && (scopes & ~AllScopes) == 0)
                {
                    specs.Add(new ComponentHandlerSpec(name, scopes, payload, where));
                }
            }

            return new EquatableArray<ComponentHandlerSpec>(specs.ToImmutable());
        }

        public static string? ParseRootNamespace(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options) =>
            options.TryGetValue("build_property.RootNamespace", out var value) && value.Trim().Length > 0 ? value.Trim() : null;

        private static bool ReturnsNothing(ITypeSymbol type) =>
            type.SpecialType == SpecialType.System_Void
            || type.ToDisplayString() is "System.Threading.Tasks.Task" or "System.Threading.Tasks.ValueTask";
    }
}
