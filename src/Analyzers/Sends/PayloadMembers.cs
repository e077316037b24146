using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Switchboard.Manifests;

namespace Switchboard.Analyzers.Sends;

/// <summary>
/// The keys a dictionary may use to fill a typed payload, as System.Text.Json sees them (case-insensitive names,
/// <c>[JsonPropertyName]</c>, <c>[JsonIgnore]</c>), and the ones it must contain (<c>required</c>, <c>[JsonRequired]</c>).
/// </summary>
internal sealed class PayloadMembers
{
    private readonly HashSet<string> names = new(StringComparer.OrdinalIgnoreCase);

    private PayloadMembers(string typeName)
    {
        TypeName = typeName;
    }

    /// <summary>The payload type, for messages.</summary>
    public string TypeName { get; }

    /// <summary>The property names, as written in JSON.</summary>
    public IEnumerable<string> Names => names;

    /// <summary>Properties a dictionary must give a value for.</summary>
    public List<string> Required { get; } = new();

    /// <summary>The members of <paramref name="type"/>, or <see langword="null"/> when any key could fit (collections, extension data, BCL types).</summary>
    public static PayloadMembers? TryCreate(ITypeSymbol type, SwitchboardSymbols symbols)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named
            || named.SpecialType != SpecialType.None
            || ImplementsEnumerable(named))
        {
            return null;
        }

        var members = new PayloadMembers(type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        for (var current = named; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property)
                {
                    continue;
                }

                var jsonName = property.Name;
                var isRequired = property.IsRequired;
                foreach (var attribute in property.GetAttributes())
                {
                    var attributeClass = attribute.AttributeClass;
                    if (SymbolEqualityComparer.Default.Equals(attributeClass, symbols.JsonExtensionDataAttribute))
                    {
                        return null;
                    }

                    if (SymbolEqualityComparer.Default.Equals(attributeClass, symbols.JsonIgnoreAttribute))
                    {
                        jsonName = null;
                    }
                    else if (SymbolEqualityComparer.Default.Equals(attributeClass, symbols.JsonPropertyNameAttribute)
                        && attribute.ConstructorArguments.Length == 1
                        && attribute.ConstructorArguments[0].Value is string renamed)
                    {
                        jsonName = renamed;
                    }
                    else if (SymbolEqualityComparer.Default.Equals(attributeClass, symbols.JsonRequiredAttribute))
                    {
                        isRequired = true;
                    }
                }

                if (jsonName is not null && members.names.Add(jsonName) && isRequired)
                {
                    members.Required.Add(jsonName);
                }
            }
        }

        return members;
    }

    /// <summary>The members a handler manifest records for a payload type this compilation cannot name; <see langword="null"/> when any key fits.</summary>
    public static PayloadMembers? FromManifest(ManifestType type)
    {
        if (type.Properties is not { } properties)
        {
            return null;
        }

        var members = new PayloadMembers(type.Name.Replace("global::", ""));
        foreach (var property in properties)
        {
            if (members.names.Add(property.Name) && property.Required)
            {
                members.Required.Add(property.Name);
            }
        }

        return members;
    }

    public bool Accepts(string key) => names.Contains(key);

    private static bool ImplementsEnumerable(INamedTypeSymbol type)
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
