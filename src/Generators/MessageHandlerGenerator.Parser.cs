using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Payloads;
using Switchboard.Generators.Model;
using Switchboard.Generators.Text;

namespace Switchboard.Generators;

public sealed partial class MessageHandlerGenerator
{
    /// <summary>
    /// Reads symbols into models. A handler the generator cannot call is skipped (<see langword="null"/>): the
    /// analyzers report it, so the generator stays silent.
    /// </summary>
    internal static partial class Parser
    {
        private const string SwitchboardNamespace = "Switchboard";
        private const int AllScopes = 7;
        private const int GatewayOnly = 2;
        private const int DurableDelivery = 1;

        // Declarations keep nullable annotations; typeof() cannot have them, nor tuple element names.
        private static readonly SymbolDisplayFormat DeclarationFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        private static readonly SymbolDisplayFormat TypeOfFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.ExpandValueTuple);

        public static HandlerSpec? ParseHandler(GeneratorAttributeSyntaxContext attributed, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attributed.TargetSymbol is not IMethodSymbol method || attributed.Attributes.Length != 1)
            {
                return null;
            }

            var attribute = attributed.Attributes[0];
            if (!TryReadAttribute(attribute, out var name, out var scope, out var project, out var threading, out var requiredRole, out var isDurable)
                || !IsCallable(method))
            {
                return null;
            }

            var instance = InstanceOf(method);
            if (instance is null)
            {
                return null;
            }

            // The signature rules are the analyzers' own (HandlerShapes), so the generator skips exactly what they report.
            var shape = HandlerShapes.Classify(method, scope, HandlerShapeTypes.From(attributed.SemanticModel.Compilation));
            if (!shape.IsValid)
            {
                return null;
            }

            var arguments = ImmutableArray.CreateBuilder<ArgumentKind>(shape.ParameterRoles.Length);
            foreach (var role in shape.ParameterRoles)
            {
                arguments.Add(role switch
                {
                    HandlerParameterRole.Payload => ArgumentKind.Payload,
                    HandlerParameterRole.Session => ArgumentKind.Session,
                    HandlerParameterRole.Client => ArgumentKind.Client,
                    HandlerParameterRole.CancellationToken => ArgumentKind.CancellationToken,
                    _ => ArgumentKind.Context,
                });
            }

            var payloadKind = PayloadKind.None;
            TypeSpec? payload = null;
            if (shape.PayloadType is { } payloadType)
            {
                payloadKind = IsPayloadDictionary(payloadType) ? PayloadKind.Dictionary : PayloadKind.Typed;

                // An absent payload arrives as an empty dictionary, never null: the stub's payload is not nullable.
                payload = payloadKind == PayloadKind.Dictionary
                    ? TypeSpec.Dictionary
                    : SpecOf(payloadType.WithNullableAnnotation(NullableAnnotation.NotAnnotated)) is { } typed
                        ? typed with { Properties = PayloadProperties.Of(payloadType, PayloadJsonMembers.RuntimeRequiresConstructorParameters(attribute.AttributeClass!.ContainingAssembly)) }
                        : null;
                if (payload is null)
                {
                    return null;
                }
            }

            var returnKind = shape.ReturnKind switch
            {
                HandlerReturnKind.Task => ReturnKind.Task,
                HandlerReturnKind.ValueTask => ReturnKind.ValueTask,
                HandlerReturnKind.Value => ReturnKind.Value,
                HandlerReturnKind.TaskOfT => ReturnKind.TaskOfValue,
                HandlerReturnKind.ValueTaskOfT => ReturnKind.ValueTaskOfValue,
                _ => ReturnKind.Void,
            };
            TypeSpec? response = null;
            if (shape.ResponseType is { } responseType && (response = SpecOf(responseType)) is null)
            {
                return null;
            }

            return new HandlerSpec(
                name,
                scope,
                project,
                threading,
                requiredRole,
                isDurable,
                method.ContainingType.ToDisplayString(DeclarationFormat),
                Identifiers.Escape(method.Name),
                DeclarationOf(method),
                instance.Value,
                arguments.ToImmutable().ToEquatableArray(),
                payloadKind,
                payload,
                returnKind,
                response);
        }

        public static AssemblySpec ParseAssembly(Compilation compilation, CancellationToken cancellationToken)
        {
            string? project = null;
            foreach (var attribute in compilation.Assembly.GetAttributes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (attribute.AttributeClass is { Name: "MessagingProjectAttribute" } type
                    && IsInSwitchboard(type)
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is string name
                    && NameRule.IsUsable(name))
                {
                    project = name;
                }
            }

            return new AssemblySpec(compilation.AssemblyName ?? "", project);
        }

        public static string? ParseRootNamespace(AnalyzerConfigOptions options) =>
            options.TryGetValue("build_property.RootNamespace", out var value) ? value.Trim() : null;

        public static GenerationSettings ParseSettings(AssemblySpec assembly, string? rootNamespace)
        {
            // Without the build property (a compilation made outside MSBuild), do what MSBuild does by default.
            var name = rootNamespace ?? assembly.AssemblyName;
            var project = assembly.MessagingProject ?? assembly.AssemblyName;
            return new GenerationSettings(project, Identifiers.ToNamespace(name));
        }

        internal static bool TryReadAttribute(
            AttributeData attribute, out string name, out int scope, out string? project, out int threading, out string? requiredRole, out bool isDurable)
        {
            name = "";
            scope = 0;
            project = null;
            threading = 0;
            requiredRole = null;
            isDurable = false;
            var arguments = attribute.ConstructorArguments;
            if (arguments.Length is < 1 or > 2 || arguments[0].Value is not string declaredName || !NameRule.IsUsable(declaredName))
            {
                return false;
            }

            name = declaredName;
            scope = arguments.Length == 2 && arguments[1].Value is int declaredScope ? declaredScope : 2;
            if (scope is < 1 or > AllScopes)
            {
                return false;
            }

            foreach (var named in attribute.NamedArguments)
            {
                switch (named.Key)
                {
                    case "Project" when named.Value.Value is string value:
                        // An empty project means the assembly's, as the analyzers read it; a blank or overlong one cannot be sent to.
                        if (value.Length > 0 && !NameRule.IsUsable(value))
                        {
                            return false;
                        }

                        project = value.Length == 0 ? null : value;
                        break;
                    case "Threading" when named.Value.Value is int value:
                        if (!HandlerThreadings.IsKnown(value))
                        {
                            return false;
                        }

                        threading = value;
                        break;
                    case "RequiredRole":
                        requiredRole = named.Value.Value as string;
                        break;
                    case "Delivery" when named.Value.Value is int value:
                        // Durable reaches a gateway handler only (SWB0021), and an unknown mode is no mode: skip both.
                        if (value is < 0 or > DurableDelivery || (value == DurableDelivery && scope != GatewayOnly))
                        {
                            return false;
                        }

                        isDurable = value == DurableDelivery;
                        break;
                }
            }

            return true;
        }

        /// <summary>Generated code must be able to call the method directly: accessible, concrete, not generic.</summary>
        private static bool IsCallable(IMethodSymbol method) =>
            method.MethodKind == MethodKind.Ordinary
            && !method.IsGenericMethod
            && !method.IsAbstract
            && !method.ReturnsByRef
            && !method.ReturnsByRefReadonly
            && IsAccessibleInAssembly(method.DeclaredAccessibility)
            && method.ContainingType is { } type
            && IsUsableContainingType(type);

        private static bool IsUsableContainingType(INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.ContainingType)
            {
                if (current.IsGenericType || current.IsFileLocal || !IsAccessibleInAssembly(current.DeclaredAccessibility))
                {
                    return false;
                }
            }

            return true;
        }

        private static InstanceKind? InstanceOf(IMethodSymbol method)
        {
            if (method.IsStatic)
            {
                return InstanceKind.Static;
            }

            // GetHandlerInstance keeps one object per endpoint, so the declaring type must be a class that can exist.
            var type = method.ContainingType;
            if (type.TypeKind != TypeKind.Class || type.IsStatic || type.IsAbstract)
            {
                return null;
            }

            if (HasUnsetRequiredMembers(type))
            {
                return InstanceKind.Services;
            }

            foreach (var constructor in type.InstanceConstructors)
            {
                if (constructor.Parameters.IsEmpty && IsAccessibleInAssembly(constructor.DeclaredAccessibility))
                {
                    return InstanceKind.Constructor;
                }
            }

            return InstanceKind.Services;
        }

        private static bool HasUnsetRequiredMembers(INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true })
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Whether generated code can name the type: no errors, pointers, dynamic or type parameters anywhere in it.</summary>
        private static bool IsWritable(ITypeSymbol type) => type switch
        {
            IArrayTypeSymbol array => IsWritable(array.ElementType),
            INamedTypeSymbol named => named.TypeKind != TypeKind.Error && AllWritable(named.TypeArguments),
            _ => false,
        };

        private static bool AllWritable(ImmutableArray<ITypeSymbol> types)
        {
            foreach (var type in types)
            {
                if (!IsWritable(type))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The type as generated code writes it, or <see langword="null"/> when generated code cannot name it.</summary>
        private static TypeSpec? SpecOf(ITypeSymbol type)
        {
            var access = IsWritable(type) ? AccessOf(type) : Access.None;
            return access == Access.None
                ? null
                : new TypeSpec(type.ToDisplayString(DeclarationFormat), type.ToDisplayString(TypeOfFormat), access == Access.Public)
                {
                    MetadataName = PayloadProperties.MetadataNameOf(type),
                };
        }

        private enum Access
        {
            None,
            Assembly,
            Public,
        }

        /// <summary>Where a type can be named from: anywhere, only this assembly (so generated code can), or not by generated code.</summary>
        private static Access AccessOf(ITypeSymbol type)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    return AccessOf(array.ElementType);
                case INamedTypeSymbol named:
                    var access = Access.Public;
                    for (var current = named; current is not null; current = current.ContainingType)
                    {
                        if (current.IsFileLocal)
                        {
                            return Access.None;
                        }

                        access = Min(access, current.DeclaredAccessibility switch
                        {
                            Accessibility.Public => Access.Public,
                            Accessibility.Internal or Accessibility.ProtectedOrInternal => Access.Assembly,
                            _ => Access.None,
                        });
                    }

                    foreach (var argument in named.TypeArguments)
                    {
                        access = Min(access, AccessOf(argument));
                    }

                    return access;
                default:
                    return Access.None;
            }
        }

        private static Access Min(Access left, Access right) => left < right ? left : right;

        private static bool IsAccessibleInAssembly(Accessibility accessibility) =>
            accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

        internal static bool IsPayloadDictionary(ITypeSymbol type) =>
            type is INamedTypeSymbol { Name: "IReadOnlyDictionary", Arity: 2 } named
            && IsInNamespace(named, "System", "Collections", "Generic")
            && named.TypeArguments[0].SpecialType == SpecialType.System_String
            && named.TypeArguments[1].SpecialType == SpecialType.System_Object;

        private static bool IsInSwitchboard(INamedTypeSymbol type) =>
            type.ContainingType is null && IsInNamespace(type, SwitchboardNamespace);

        private static bool IsInNamespace(ISymbol symbol, params string[] parts)
        {
            var current = symbol.ContainingNamespace;
            for (var i = parts.Length - 1; i >= 0; i--)
            {
                if (current is null || current.Name != parts[i])
                {
                    return false;
                }

                current = current.ContainingNamespace;
            }

            return current is { IsGlobalNamespace: true };
        }

        private static string DeclarationOf(IMethodSymbol method)
        {
            var parameters = new string[method.Parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i] = method.Parameters[i].Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            }

            return $"{method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}.{method.Name}({string.Join(", ", parameters)})";
        }
    }
}
