// The one definition of which payload and response types the generator can describe as System.Text.Json metadata
// (so that native AOT needs no setup). It depends on Roslyn alone so that the generator compiles this same file and
// emits metadata for exactly the types the analyzers do not report.
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Switchboard.Analyzers.Payloads;

/// <summary>How a type is described to System.Text.Json.</summary>
internal enum PayloadJsonKind
{
    /// <summary>A value with a built-in converter (<c>JsonMetadataServices.&lt;Converter&gt;</c>).</summary>
    Value,

    /// <summary>An enum (its built-in enum converter).</summary>
    Enum,

    /// <summary><c>Nullable&lt;T&gt;</c> of a described value type.</summary>
    Nullable,

    /// <summary><c>T[]</c>.</summary>
    Array,

    /// <summary><c>List&lt;T&gt;</c>.</summary>
    List,

    /// <summary><c>IList&lt;T&gt;</c>.</summary>
    IList,

    /// <summary><c>ICollection&lt;T&gt;</c>.</summary>
    ICollection,

    /// <summary><c>IEnumerable&lt;T&gt;</c>, <c>IReadOnlyList&lt;T&gt;</c> or <c>IReadOnlyCollection&lt;T&gt;</c> (read into a list).</summary>
    IEnumerable,

    /// <summary><c>HashSet&lt;T&gt;</c>.</summary>
    HashSet,

    /// <summary><c>ISet&lt;T&gt;</c> (read into a hash set).</summary>
    ISet,

    /// <summary><c>Dictionary&lt;string, T&gt;</c>.</summary>
    Dictionary,

    /// <summary><c>IDictionary&lt;string, T&gt;</c>.</summary>
    IDictionary,

    /// <summary><c>IReadOnlyDictionary&lt;string, T&gt;</c>.</summary>
    IReadOnlyDictionary,

    /// <summary>A class, record or struct described property by property.</summary>
    Object,
}

/// <summary>One type of a payload's closure and how to describe it.</summary>
internal sealed class PayloadJsonType
{
    public PayloadJsonType(ITypeSymbol type, PayloadJsonKind kind, string? converter, ITypeSymbol? element)
    {
        Type = type;
        Kind = kind;
        Converter = converter;
        Element = element;
    }

    public ITypeSymbol Type { get; }

    public PayloadJsonKind Kind { get; }

    /// <summary>For <see cref="PayloadJsonKind.Value"/>: the <c>JsonMetadataServices</c> converter property.</summary>
    public string? Converter { get; }

    /// <summary>The element, value (dictionaries) or underlying (nullable) type.</summary>
    public ITypeSymbol? Element { get; }

    /// <summary>For <see cref="PayloadJsonKind.Object"/>: the JSON properties, most derived first.</summary>
    public ImmutableArray<PayloadJsonProperty> Properties { get; set; } = ImmutableArray<PayloadJsonProperty>.Empty;

    /// <summary>For <see cref="PayloadJsonKind.Object"/>: the constructor that creates it (null: none, a struct's default).</summary>
    public IMethodSymbol? Constructor { get; set; }

    /// <summary>Required properties no constructor parameter sets: set in the creating object initializer.</summary>
    public ImmutableArray<PayloadJsonProperty> Initializers { get; set; } = ImmutableArray<PayloadJsonProperty>.Empty;
}

/// <summary>One JSON property of an object.</summary>
internal sealed class PayloadJsonProperty
{
    public PayloadJsonProperty(IPropertySymbol property, string jsonName, bool settable, bool isRequired, int? ignoreCondition)
    {
        Property = property;
        JsonName = jsonName;
        Settable = settable;
        IsRequired = isRequired;
        IgnoreCondition = ignoreCondition;
    }

    public IPropertySymbol Property { get; }

    /// <summary>The name in JSON: <c>[JsonPropertyName]</c>, else the property's name.</summary>
    public string JsonName { get; }

    /// <summary>Whether a public, non-init setter exists.</summary>
    public bool Settable { get; }

    /// <summary><c>required</c> or <c>[JsonRequired]</c>.</summary>
    public bool IsRequired { get; }

    /// <summary>The <c>JsonIgnoreCondition</c> of a conditional <c>[JsonIgnore]</c>.</summary>
    public int? IgnoreCondition { get; }
}

/// <summary>A payload's closure: every type to describe, or why it cannot be described.</summary>
internal sealed class PayloadJsonClosure
{
    public PayloadJsonClosure(ImmutableArray<PayloadJsonType> types, string? problem)
    {
        Types = types;
        Problem = problem;
    }

    public ImmutableArray<PayloadJsonType> Types { get; }

    /// <summary>Why the generator cannot describe the type, naming the member and what to do; null when it can.</summary>
    public string? Problem { get; }
}

/// <summary>Walks a payload or response type and everything it contains.</summary>
internal static class PayloadJsonShapes
{
    // JsonIgnoreCondition.Always, the meaning of a bare [JsonIgnore].
    private const int IgnoreAlways = 1;

    private static readonly Dictionary<SpecialType, string> SpecialConverters = new()
    {
        [SpecialType.System_Boolean] = "BooleanConverter",
        [SpecialType.System_Byte] = "ByteConverter",
        [SpecialType.System_SByte] = "SByteConverter",
        [SpecialType.System_Char] = "CharConverter",
        [SpecialType.System_Int16] = "Int16Converter",
        [SpecialType.System_UInt16] = "UInt16Converter",
        [SpecialType.System_Int32] = "Int32Converter",
        [SpecialType.System_UInt32] = "UInt32Converter",
        [SpecialType.System_Int64] = "Int64Converter",
        [SpecialType.System_UInt64] = "UInt64Converter",
        [SpecialType.System_Single] = "SingleConverter",
        [SpecialType.System_Double] = "DoubleConverter",
        [SpecialType.System_Decimal] = "DecimalConverter",
        [SpecialType.System_String] = "StringConverter",
        [SpecialType.System_DateTime] = "DateTimeConverter",
        [SpecialType.System_Object] = "ObjectConverter",
    };

    private static readonly Dictionary<string, string> NamedConverters = new(StringComparer.Ordinal)
    {
        ["System.DateTimeOffset"] = "DateTimeOffsetConverter",
        ["System.Guid"] = "GuidConverter",
        ["System.TimeSpan"] = "TimeSpanConverter",
        ["System.DateOnly"] = "DateOnlyConverter",
        ["System.TimeOnly"] = "TimeOnlyConverter",
        ["System.Half"] = "HalfConverter",
        ["System.Int128"] = "Int128Converter",
        ["System.UInt128"] = "UInt128Converter",
        ["System.Uri"] = "UriConverter",
        ["System.Version"] = "VersionConverter",
        ["System.Text.Json.JsonElement"] = "JsonElementConverter",
        ["System.Text.Json.JsonDocument"] = "JsonDocumentConverter",
    };

    private static readonly Dictionary<string, PayloadJsonKind> Collections = new(StringComparer.Ordinal)
    {
        ["System.Collections.Generic.List<T>"] = PayloadJsonKind.List,
        ["System.Collections.Generic.IList<T>"] = PayloadJsonKind.IList,
        ["System.Collections.Generic.ICollection<T>"] = PayloadJsonKind.ICollection,
        ["System.Collections.Generic.IEnumerable<T>"] = PayloadJsonKind.IEnumerable,
        ["System.Collections.Generic.IReadOnlyList<T>"] = PayloadJsonKind.IEnumerable,
        ["System.Collections.Generic.IReadOnlyCollection<T>"] = PayloadJsonKind.IEnumerable,
        ["System.Collections.Generic.HashSet<T>"] = PayloadJsonKind.HashSet,
        ["System.Collections.Generic.ISet<T>"] = PayloadJsonKind.ISet,
        ["System.Collections.Generic.Dictionary<TKey, TValue>"] = PayloadJsonKind.Dictionary,
        ["System.Collections.Generic.IDictionary<TKey, TValue>"] = PayloadJsonKind.IDictionary,
        ["System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>"] = PayloadJsonKind.IReadOnlyDictionary,
    };

    /// <summary>
    /// Describes <paramref name="root"/> and every type it contains, as seen from <paramref name="within"/> (the
    /// assembly whose generated code will name them).
    /// </summary>
    public static PayloadJsonClosure Describe(ITypeSymbol root, IAssemblySymbol within)
    {
        var walk = new Walk(within);
        var problem = walk.Visit(root, root.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        return new PayloadJsonClosure(problem is null ? walk.Types.ToImmutableArray() : ImmutableArray<PayloadJsonType>.Empty, problem);
    }

    private sealed class Walk
    {
        private readonly IAssemblySymbol within;
        private readonly HashSet<ITypeSymbol> seen = new(SymbolEqualityComparer.Default);

        public Walk(IAssemblySymbol within) => this.within = within;

        public List<PayloadJsonType> Types { get; } = new();

        public string? Visit(ITypeSymbol type, string path)
        {
            type = type.WithNullableAnnotation(NullableAnnotation.None);
            if (!seen.Add(type))
            {
                return null;
            }

            if (SpecialConverters.TryGetValue(type.SpecialType, out var special)
                || NamedConverters.TryGetValue(type.OriginalDefinition.ToDisplayString(), out special))
            {
                Types.Add(new PayloadJsonType(type, PayloadJsonKind.Value, special, element: null));
                return null;
            }

            if (type is IArrayTypeSymbol array)
            {
                if (array.Rank != 1)
                {
                    return $"{path} is a multi-dimensional array, which JSON cannot describe; use an array of arrays or a list";
                }

                if (array.ElementType.SpecialType == SpecialType.System_Byte)
                {
                    Types.Add(new PayloadJsonType(type, PayloadJsonKind.Value, "ByteArrayConverter", element: null));
                    return null;
                }

                Types.Add(new PayloadJsonType(type, PayloadJsonKind.Array, converter: null, array.ElementType));
                return Visit(array.ElementType, path + "[]");
            }

            if (type is not INamedTypeSymbol named || type.TypeKind is TypeKind.Error or TypeKind.TypeParameter or TypeKind.Delegate or TypeKind.Pointer)
            {
                return $"{path} is {Describe(type)}, which the generated JSON metadata cannot describe";
            }

            if (!IsAccessible(named))
            {
                return $"{path} is {Describe(type)}, which is not accessible to this assembly's generated code";
            }

            if (named.TypeKind == TypeKind.Enum)
            {
                Types.Add(new PayloadJsonType(type, PayloadJsonKind.Enum, converter: null, element: null));
                return null;
            }

            if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                Types.Add(new PayloadJsonType(type, PayloadJsonKind.Nullable, converter: null, named.TypeArguments[0]));
                return Visit(named.TypeArguments[0], path);
            }

            if (named.IsGenericType && Collections.TryGetValue(named.OriginalDefinition.ToDisplayString(), out var collection))
            {
                return VisitCollection(named, collection, path);
            }

            return VisitObject(named, path);
        }

        private string? VisitCollection(INamedTypeSymbol type, PayloadJsonKind kind, string path)
        {
            var arguments = type.TypeArguments;
            if (arguments.Length == 2 && arguments[0].SpecialType != SpecialType.System_String)
            {
                return $"{path} is a dictionary keyed by {Describe(arguments[0])}; the generated JSON metadata describes dictionaries keyed by string";
            }

            var element = arguments[arguments.Length - 1];
            Types.Add(new PayloadJsonType(type, kind, converter: null, element));
            return Visit(element, arguments.Length == 2 ? path + "[key]" : path + "[]");
        }

        private string? VisitObject(INamedTypeSymbol type, string path)
        {
            var name = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsAbstract || type.IsStatic)
            {
                return $"{path} is {Describe(type)}: an interface or abstract class cannot be created from JSON without knowing the concrete type";
            }

            if (IsCollectionLike(type))
            {
                return $"{path} is {Describe(type)}, a collection the generated JSON metadata does not describe; use an array, List<T>, HashSet<T> or Dictionary<string, T>";
            }

            foreach (var attribute in type.GetAttributes())
            {
                if (IsJsonAttribute(attribute, "JsonConverterAttribute", "JsonPolymorphicAttribute", "JsonDerivedTypeAttribute"))
                {
                    return $"{name} has [{ShortName(attribute)}], which the generated JSON metadata does not honour";
                }
            }

            var described = new PayloadJsonType(type, PayloadJsonKind.Object, converter: null, element: null);
            Types.Add(described);

            var properties = ImmutableArray.CreateBuilder<PayloadJsonProperty>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IFieldSymbol field && !field.IsStatic && HasJsonAttribute(field, "JsonIncludeAttribute"))
                    {
                        return $"{name}.{field.Name} is a field with [JsonInclude], which the generated JSON metadata does not describe; make it a property";
                    }

                    if (member is not IPropertySymbol property || property.IsStatic || property.IsIndexer || !names.Add(property.Name))
                    {
                        continue;
                    }

                    if (property.DeclaredAccessibility != Accessibility.Public || property.GetMethod is not { DeclaredAccessibility: Accessibility.Public })
                    {
                        if (HasJsonAttribute(property, "JsonIncludeAttribute"))
                        {
                            return $"{name}.{property.Name} has [JsonInclude] but is not public, and the generated JSON metadata reads public properties only";
                        }

                        continue;
                    }

                    var problem = DescribeProperty(name, property, properties);
                    if (problem is not null)
                    {
                        return problem;
                    }
                }
            }

            var constructor = ChooseConstructor(type, name, out var constructorProblem);
            if (constructorProblem is not null)
            {
                return constructorProblem;
            }

            var bound = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in constructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty)
            {
                if (parameter.RefKind != RefKind.None || parameter.IsParams
                    || !properties.Any(p => string.Equals(p.Property.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    return $"{name}'s constructor parameter '{parameter.Name}' matches no public property, so JSON cannot fill it; name it after the property it sets";
                }

                bound.Add(parameter.Name);
            }

            var initializers = ImmutableArray.CreateBuilder<PayloadJsonProperty>();
            foreach (var property in properties)
            {
                if (bound.Contains(property.Property.Name))
                {
                    continue;
                }

                if (property.Property.IsRequired)
                {
                    initializers.Add(property);
                }
                else if (property.Property.SetMethod is { IsInitOnly: true, DeclaredAccessibility: Accessibility.Public })
                {
                    return $"{name}.{property.Property.Name} is init-only, not required and not a constructor parameter, so the generated JSON metadata cannot set it without losing its initial value; "
                        + "make it required, settable or a constructor parameter";
                }
            }

            described.Properties = properties.ToImmutable();
            described.Constructor = constructor;
            described.Initializers = initializers.ToImmutable();

            foreach (var property in properties)
            {
                var problem = Visit(property.Property.Type, $"{name}.{property.Property.Name}");
                if (problem is not null)
                {
                    return problem;
                }
            }

            return null;
        }

        private static string? DescribeProperty(string owner, IPropertySymbol property, ImmutableArray<PayloadJsonProperty>.Builder properties)
        {
            var jsonName = property.Name;
            int? ignoreCondition = null;
            var jsonRequired = false;
            foreach (var attribute in property.GetAttributes())
            {
                if (IsJsonAttribute(attribute, "JsonConverterAttribute", "JsonExtensionDataAttribute", "JsonNumberHandlingAttribute", "JsonObjectCreationHandlingAttribute"))
                {
                    return $"{owner}.{property.Name} has [{ShortName(attribute)}], which the generated JSON metadata does not honour";
                }

                if (IsJsonAttribute(attribute, "JsonPropertyNameAttribute") && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string text)
                {
                    jsonName = text;
                }
                else if (IsJsonAttribute(attribute, "JsonRequiredAttribute"))
                {
                    jsonRequired = true;
                }
                else if (IsJsonAttribute(attribute, "JsonIgnoreAttribute"))
                {
                    ignoreCondition = IgnoreAlways;
                    foreach (var named in attribute.NamedArguments)
                    {
                        if (named.Key == "Condition" && named.Value.Value is int condition)
                        {
                            ignoreCondition = condition;
                        }
                    }
                }
            }

            if (ignoreCondition == IgnoreAlways)
            {
                return null;
            }

            var settable = property.SetMethod is { IsInitOnly: false, DeclaredAccessibility: Accessibility.Public };
            properties.Add(new PayloadJsonProperty(property, jsonName, settable, property.IsRequired || jsonRequired, ignoreCondition));
            return null;
        }

        // System.Text.Json's choice: [JsonConstructor], else the public parameterless one, else the only public one.
        private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, string name, out string? problem)
        {
            problem = null;
            var candidates = type.InstanceConstructors
                .Where(c => c.DeclaredAccessibility == Accessibility.Public && !(type.IsValueType && c.IsImplicitlyDeclared))
                .Where(c => !(type.IsRecord && c.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, type)))
                .ToList();
            var marked = type.InstanceConstructors.FirstOrDefault(c => c.GetAttributes().Any(a => IsJsonAttribute(a, "JsonConstructorAttribute")));
            if (marked is not null)
            {
                return marked.Parameters.Length == 0 ? null : marked;
            }

            if (candidates.Any(c => c.Parameters.Length == 0) || (type.IsValueType && candidates.Count == 0))
            {
                return null;
            }

            if (candidates.Count == 1)
            {
                return candidates[0];
            }

            problem = candidates.Count == 0
                ? $"{name} has no public constructor, so JSON cannot create it"
                : $"{name} has several public constructors and none is marked [JsonConstructor], so JSON cannot choose one";
            return null;
        }

        private bool IsAccessible(INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.ContainingType)
            {
                var visible = current.DeclaredAccessibility switch
                {
                    Accessibility.Public => true,
                    Accessibility.Internal or Accessibility.ProtectedOrInternal =>
                        SymbolEqualityComparer.Default.Equals(current.ContainingAssembly, within) || current.ContainingAssembly.GivesAccessTo(within),
                    _ => false,
                };
                if (!visible)
                {
                    return false;
                }
            }

            return type.TypeArguments.All(argument => argument is not INamedTypeSymbol namedArgument || IsAccessible(namedArgument));
        }

        private static bool IsCollectionLike(INamedTypeSymbol type) =>
            type.AllInterfaces.Any(i => i.ToDisplayString() == "System.Collections.IEnumerable") && type.SpecialType != SpecialType.System_String;

        private static bool HasJsonAttribute(ISymbol symbol, string name) =>
            symbol.GetAttributes().Any(attribute => IsJsonAttribute(attribute, name));

        private static bool IsJsonAttribute(AttributeData attribute, params string[] names) =>
            Array.Exists(names, name => PayloadJsonMembers.IsJsonAttribute(attribute, name));

        private static string ShortName(AttributeData attribute)
        {
            var name = attribute.AttributeClass!.Name;
            return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
        }

        private static string Describe(ITypeSymbol type) =>
            "a " + type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
    }
}
