using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Payloads;
using Switchboard.Generators.Model;
using Switchboard.Generators.Text;

namespace Switchboard.Generators;

public sealed partial class MessageHandlerGenerator
{
    /// <summary>
    /// Reads a handler's payload and response types into JSON metadata models (<see cref="PayloadJsonShapes"/> decides
    /// what can be described; a type it cannot describe gets no metadata here, and the analyzers report it).
    /// </summary>
    internal static class JsonParser
    {
        // Without nullable annotations: valid inside typeof() and as a type argument; tuples spelled out.
        private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.ExpandValueTuple);

        public static EquatableArray<JsonTypeSpec> ParseHandlerTypes(GeneratorAttributeSyntaxContext attributed, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attributed.TargetSymbol is not IMethodSymbol method || attributed.Attributes.Length != 1
                || !Parser.TryReadAttribute(attributed.Attributes[0], out _, out var scope, out _, out _, out _, out _))
            {
                return default;
            }

            var compilation = attributed.SemanticModel.Compilation;
            var shape = HandlerShapes.Classify(method, scope, HandlerShapeTypes.From(compilation));
            if (!shape.IsValid)
            {
                return default;
            }

            var types = new List<JsonTypeSpec>();
            foreach (var root in new[] { shape.PayloadType, shape.ResponseType })
            {
                if (root is null || Parser.IsPayloadDictionary(root))
                {
                    continue;
                }

                var closure = PayloadJsonShapes.Describe(root, compilation.Assembly);
                types.AddRange(closure.Types.Select(SpecOf));
            }

            return types.ToImmutableArray().ToEquatableArray();
        }

        /// <summary>Every handler's types, once each, in ordinal order of their names.</summary>
        public static JsonMetadataSpec Combine(ImmutableArray<EquatableArray<JsonTypeSpec>> perHandler, GenerationSettings settings, CancellationToken cancellationToken)
        {
            var byName = new SortedDictionary<string, JsonTypeSpec>(StringComparer.Ordinal);
            foreach (var types in perHandler)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var type in types)
                {
                    byName[type.Name] = type;
                }
            }

            return new JsonMetadataSpec(settings.Namespace, byName.Values.ToImmutableArray().ToEquatableArray());
        }

        private static JsonTypeSpec SpecOf(PayloadJsonType type)
        {
            var properties = type.Properties.Select(property => new JsonPropertySpec(
                property.Property.Name,
                property.JsonName == property.Property.Name ? null : property.JsonName,
                NameOf(property.Property.Type),
                NameOf(property.Property.ContainingType),
                property.Settable,
                property.Property.SetMethod is { IsInitOnly: true },
                property.IsRequired,
                property.IgnoreCondition,
                IsNonNullable(property.Property.Type, property.Property.NullableAnnotation),
                property.Property.IsVirtual || property.Property.IsAbstract || property.Property.IsOverride));

            var parameters = new List<JsonParameterSpec>();
            foreach (var parameter in type.Constructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty)
            {
                parameters.Add(new JsonParameterSpec(
                    parameter.Name,
                    NameOf(parameter.Type),
                    parameter.HasExplicitDefaultValue ? DefaultValueOf(parameter) : null,
                    !IsNonNullable(parameter.Type, parameter.NullableAnnotation) && IsNullable(parameter.Type),
                    IsMemberInitializer: false));
            }

            foreach (var initializer in type.Initializers)
            {
                var property = initializer.Property;
                parameters.Add(new JsonParameterSpec(
                    property.Name,
                    NameOf(property.Type),
                    DefaultValue: null,
                    !IsNonNullable(property.Type, property.NullableAnnotation) && IsNullable(property.Type),
                    IsMemberInitializer: true));
            }

            return new JsonTypeSpec(
                NameOf(type.Type),
                type.Kind,
                type.Converter,
                type.Element is null ? null : NameOf(type.Element),
                type.Type.IsValueType,
                properties.ToImmutableArray().ToEquatableArray(),
                parameters.ToImmutableArray().ToEquatableArray(),
                Parameterized: parameters.Count > 0);
        }

        private static string NameOf(ITypeSymbol type) =>
            type.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString(TypeFormat);

        private static bool IsNonNullable(ITypeSymbol type, NullableAnnotation annotation) =>
            type.IsReferenceType && annotation == NullableAnnotation.NotAnnotated;

        private static bool IsNullable(ITypeSymbol type) =>
            !type.IsValueType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

        /// <summary>An optional parameter's default as a C# expression of its type, boxed by the caller.</summary>
        private static string DefaultValueOf(IParameterSymbol parameter)
        {
            var value = parameter.ExplicitDefaultValue;
            var type = NameOf(parameter.Type);
            return value switch
            {
                null when parameter.Type.IsValueType && parameter.Type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T => $"default({type})",
                null => "null",
                string text => Identifiers.Literal(text),
                bool flag => flag ? "true" : "false",
                char letter => SymbolDisplay.FormatLiteral(letter, quote: true),
                _ => $"({type})({SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false)})",
            };
        }
    }
}
