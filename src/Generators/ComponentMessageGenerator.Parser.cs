using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Switchboard.Analyzers.Handlers;
using Switchboard.Generators.Model;

namespace Switchboard.Generators;

public sealed partial class ComponentMessageGenerator
{
    internal static class Parser
    {
        /// <summary>The valid handlers a method declares (one per attribute); an invalid method declares none.</summary>
        public static EquatableArray<ComponentHandlerSpec> ParseHandlers(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The same rule the analyzers apply (SWB0005, SWB0007): a method the component never calls gets no stub. The
            // base class is not checked: a code-behind's is often in its .razor file (@inherits), which this generator cannot see.
            if (context.TargetSymbol is not IMethodSymbol method || !ComponentHandlerShapes.IsCallable(method, checkBase: false))
            {
                return EquatableArray<ComponentHandlerSpec>.Empty;
            }

            // A payload type the stub cannot name (a type parameter, a private type) makes the stub take object?.
            var payload = method.Parameters.Length == 0
                ? null
                : ComponentHandlerShapes.StubCanName(method.Parameters[0].Type)
                    ? method.Parameters[0].Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithMiscellaneousOptions(
                        SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier))
                    : "object?";
            var where = $"{method.ContainingType.ToDisplayString()}.{method.Name}";
            var specs = ImmutableArray.CreateBuilder<ComponentHandlerSpec>();
            foreach (var attribute in context.Attributes)
            {
                if (attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0].Value is not string name || string.IsNullOrWhiteSpace(name))
                {
                    continue;
                }

                var scopes = attribute.ConstructorArguments.Length > 1 && attribute.ConstructorArguments[1].Value is int value ? value : ComponentHandlerShapes.Page;
                if (ComponentHandlerShapes.IsValidListenScopes(scopes))
                {
                    specs.Add(new ComponentHandlerSpec(name, scopes, payload, where));
                }
            }

            return new EquatableArray<ComponentHandlerSpec>(specs.ToImmutable());
        }

        public static string? ParseRootNamespace(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options) =>
            options.TryGetValue("build_property.RootNamespace", out var value) && value.Trim().Length > 0 ? value.Trim() : null;
    }
}
