using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Switchboard.Generators.Model;
using Switchboard.Manifests;

namespace Switchboard.Generators;

/// <summary>
/// What a handler manifest records about a payload type: the name to find it by elsewhere, and the members a
/// dictionary may fill as System.Text.Json reads them (case-insensitive names, <c>[JsonPropertyName]</c>,
/// <c>[JsonIgnore]</c>, <c>required</c> and <c>[JsonRequired]</c>), so a project without the type can check its
/// dictionaries against it.
/// </summary>
internal static class PayloadProperties
{
    private const string JsonAttributes = "System.Text.Json.Serialization.";

    /// <summary><c>App.Outer+Reading</c> for a named, non-generic type; <see langword="null"/> for anything another compilation cannot look up by name.</summary>
    public static string? MetadataNameOf(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named || named.IsGenericType || named.TypeKind == TypeKind.Error)
        {
            return null;
        }

        var name = named.MetadataName;
        for (var outer = named.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType)
            {
                return null;
            }

            name = outer.MetadataName + "+" + name;
        }

        var ns = named.ContainingType is { } top ? Outermost(top).ContainingNamespace : named.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
    }

    /// <summary>The members, or <see langword="null"/> when any key could fit (collections, extension data, BCL types).</summary>
    public static EquatableArray<ManifestProperty>? Of(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named
            || named.SpecialType != SpecialType.None
            || IsEnumerable(named))
        {
            return null;
        }

        var members = ImmutableArray.CreateBuilder<ManifestProperty>();
        var seen = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        for (var current = named; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property)
                {
                    continue;
                }

                string? jsonName = property.Name;
                var required = property.IsRequired;
                foreach (var attribute in property.GetAttributes())
                {
                    switch (attribute.AttributeClass?.ToDisplayString())
                    {
                        case JsonAttributes + "JsonExtensionDataAttribute":
                            return null;
                        case JsonAttributes + "JsonIgnoreAttribute":
                            jsonName = null;
                            break;
                        case JsonAttributes + "JsonPropertyNameAttribute" when attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string renamed:
                            jsonName = renamed;
                            break;
                        case JsonAttributes + "JsonRequiredAttribute":
                            required = true;
                            break;
                    }
                }

                if (jsonName is not null && seen.Add(jsonName))
                {
                    members.Add(new ManifestProperty(jsonName, property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), required));
                }
            }
        }

        return members.ToImmutable().ToEquatableArray();
    }

    private static INamedTypeSymbol Outermost(INamedTypeSymbol type)
    {
        while (type.ContainingType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    private static bool IsEnumerable(INamedTypeSymbol type)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.SpecialType == SpecialType.System_Collections_IEnumerable)
            {
                return true;
            }
        }

        return false;
    }
}
