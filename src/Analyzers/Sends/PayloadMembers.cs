using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Switchboard.Manifests;

namespace Switchboard.Analyzers.Sends;

/// <summary>
/// The keys a dictionary may use to fill a typed payload, as System.Text.Json sees them (case-insensitive names,
/// <c>[JsonPropertyName]</c>, <c>[JsonIgnore]</c>), the property each key fills, and the keys it must contain
/// (<c>required</c>, <c>[JsonRequired]</c>, and on .NET 9 and later builds of Switchboard the parameters without a
/// default of the constructor System.Text.Json calls). For a project built elsewhere whose payload type this
/// compilation cannot name, the same is read from its handler manifest, without property types.
/// </summary>
internal sealed class PayloadMembers
{
    private readonly Dictionary<string, IPropertySymbol?> properties = new(StringComparer.OrdinalIgnoreCase);

    private PayloadMembers(string typeName)
    {
        TypeName = typeName;
    }

    /// <summary>The payload type, for messages.</summary>
    public string TypeName { get; }

    /// <summary>The property names, as written in JSON.</summary>
    public IEnumerable<string> Names => properties.Keys;

    /// <summary>Keys a dictionary must give a value for, each with the type of its value and why it is needed.</summary>
    public List<RequiredKey> Required { get; } = new();

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

                if (jsonName is not null && !members.properties.ContainsKey(jsonName))
                {
                    members.properties.Add(jsonName, property);
                    if (isRequired)
                    {
                        members.Required.Add(new RequiredKey(jsonName, property.Type, "a required property"));
                    }
                }
            }
        }

        if (symbols.RuntimeRequiresConstructorParameters)
        {
            members.AddConstructorParameters(named, symbols);
        }

        return members;
    }

    public bool Accepts(string key) => properties.ContainsKey(key);

    /// <summary>The property <paramref name="key"/> fills, or <see langword="null"/> when it matches none.</summary>
    public IPropertySymbol? PropertyFor(string key) => properties.TryGetValue(key, out var property) ? property : null;

    /// <summary>The members a handler manifest records for a payload type this compilation cannot name; <see langword="null"/> when any key fits.</summary>
    public static PayloadMembers? FromManifest(ManifestType type)
    {
        if (type.Properties is not { } recorded)
        {
            return null;
        }

        var members = new PayloadMembers(type.Name.Replace("global::", ""));
        foreach (var property in recorded)
        {
            if (!members.properties.ContainsKey(property.Name))
            {
                members.properties.Add(property.Name, null);
                if (property.Required)
                {
                    members.Required.Add(new RequiredKey(property.Name, null, "a required property"));
                }
            }
        }

        return members;
    }

    /// <summary>
    /// The constructor System.Text.Json deserializes with: the <c>[JsonConstructor]</c> one, else none when a public
    /// parameterless one exists (structs always have it), else the only public one.
    /// </summary>
    private static IMethodSymbol? DeserializationConstructor(INamedTypeSymbol type, SwitchboardSymbols symbols)
    {
        IMethodSymbol? onlyPublic = null;
        var publicCount = 0;
        foreach (var constructor in type.InstanceConstructors)
        {
            foreach (var attribute in constructor.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.JsonConstructorAttribute))
                {
                    return constructor;
                }
            }

            if (constructor.DeclaredAccessibility == Accessibility.Public)
            {
                if (constructor.Parameters.IsEmpty)
                {
                    return null;
                }

                publicCount++;
                onlyPublic = constructor;
            }
        }

        return publicCount == 1 && !type.IsValueType ? onlyPublic : null;
    }

    private void AddConstructorParameters(INamedTypeSymbol type, SwitchboardSymbols symbols)
    {
        if (DeserializationConstructor(type, symbols) is not { } constructor)
        {
            return;
        }

        foreach (var parameter in constructor.Parameters)
        {
            if (parameter.HasExplicitDefaultValue)
            {
                continue;
            }

            // A parameter binds to the property of the same name, ignoring case; its key is that property's JSON name.
            var key = parameter.Name;
            foreach (var pair in properties)
            {
                if (string.Equals(pair.Value?.Name, parameter.Name, StringComparison.OrdinalIgnoreCase))
                {
                    key = pair.Key;
                    break;
                }
            }

            if (!Required.Exists(required => string.Equals(required.Key, key, StringComparison.OrdinalIgnoreCase)))
            {
                Required.Add(new RequiredKey(key, parameter.Type, "a constructor parameter without a default"));
            }
        }
    }

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

/// <summary>A key a dictionary must contain: its JSON name, the type of its value (unknown for a manifest's type), and why (for messages).</summary>
internal sealed class RequiredKey
{
    public RequiredKey(string key, ITypeSymbol? type, string reason)
    {
        Key = key;
        Type = type;
        Reason = reason;
    }

    public string Key { get; }

    public ITypeSymbol? Type { get; }

    public string Reason { get; }
}
