// The one definition of the members System.Text.Json fills when it reads a payload object, by JSON name: the
// analyzers check dictionary keys against it (SWB0012, SWB0018) and the generator records it in handler manifests, so
// that a project built elsewhere checks its keys by the same rule. It depends on Roslyn alone, like PayloadJsonShapes.
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Switchboard.Analyzers.Payloads;

/// <summary>One member a JSON object (or a dictionary sent for it) fills: a public property, by its JSON name.</summary>
internal sealed class PayloadJsonMember
{
    public PayloadJsonMember(string jsonName, IPropertySymbol property, bool isRequired)
    {
        JsonName = jsonName;
        Property = property;
        IsRequired = isRequired;
    }

    /// <summary><c>[JsonPropertyName]</c>, else the property's name.</summary>
    public string JsonName { get; }

    public IPropertySymbol Property { get; }

    /// <summary><c>required</c> or <c>[JsonRequired]</c>.</summary>
    public bool IsRequired { get; }
}

/// <summary>
/// The members of a payload type as System.Text.Json reads them: public instance properties, most derived first,
/// named by <c>[JsonPropertyName]</c>, without those with <c>[JsonIgnore]</c>, names compared ignoring case as the
/// runtime's options do (the first of two equal names wins); and the constructor it creates the object with.
/// </summary>
internal static class PayloadJsonMembers
{
    /// <summary>
    /// The members of <paramref name="type"/> (of <c>T</c> for <c>T?</c>), or <see langword="null"/> when any name
    /// could fit: not a class or struct, a BCL type, a collection, or a type with <c>[JsonExtensionData]</c>.
    /// </summary>
    public static ImmutableArray<PayloadJsonMember>? Of(ITypeSymbol type)
    {
        if (ObjectType(type) is not { } named)
        {
            return null;
        }

        var members = ImmutableArray.CreateBuilder<PayloadJsonMember>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var current = named; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property)
                {
                    continue;
                }

                string? jsonName = property.Name;
                var isRequired = property.IsRequired;
                foreach (var attribute in property.GetAttributes())
                {
                    if (IsJsonAttribute(attribute, "JsonExtensionDataAttribute"))
                    {
                        return null;
                    }

                    if (IsJsonAttribute(attribute, "JsonIgnoreAttribute"))
                    {
                        jsonName = null;
                    }
                    else if (IsJsonAttribute(attribute, "JsonPropertyNameAttribute")
                        && attribute.ConstructorArguments.Length == 1
                        && attribute.ConstructorArguments[0].Value is string renamed)
                    {
                        jsonName = renamed;
                    }
                    else if (IsJsonAttribute(attribute, "JsonRequiredAttribute"))
                    {
                        isRequired = true;
                    }
                }

                if (jsonName is not null && seen.Add(jsonName))
                {
                    members.Add(new PayloadJsonMember(jsonName, property, isRequired));
                }
            }
        }

        return members.ToImmutable();
    }

    /// <summary>
    /// The constructor parameters of <paramref name="type"/> that need a value when the runtime respects required
    /// constructor parameters (System.Text.Json 9 and later with <c>RespectRequiredConstructorParameters</c>): those
    /// without a default of the constructor it deserializes with, each with the JSON name it is read from (the name
    /// of the member of <paramref name="members"/> it binds to, ignoring case, else its own), each name once.
    /// </summary>
    public static IEnumerable<(string JsonName, IParameterSymbol Parameter)> RequiredConstructorParameters(
        ITypeSymbol type, ImmutableArray<PayloadJsonMember> members)
    {
        if (ObjectType(type) is not { } named || DeserializationConstructor(named) is not { } constructor)
        {
            yield break;
        }

        var bound = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in constructor.Parameters)
        {
            if (parameter.HasExplicitDefaultValue)
            {
                continue;
            }

            var jsonName = parameter.Name;
            foreach (var member in members)
            {
                if (string.Equals(member.Property.Name, parameter.Name, StringComparison.OrdinalIgnoreCase))
                {
                    jsonName = member.JsonName;
                    break;
                }
            }

            if (bound.Add(jsonName))
            {
                yield return (jsonName, parameter);
            }
        }
    }

    /// <summary>
    /// Whether the Switchboard build <paramref name="switchboard"/> converts payloads with
    /// <c>RespectRequiredConstructorParameters</c> (its .NET 9 and later builds), so that a constructor parameter without
    /// a default needs a value. The receiving project's build decides, since it is the one that reads the payload.
    /// </summary>
    public static bool RuntimeRequiresConstructorParameters(IAssemblySymbol switchboard)
    {
        foreach (var attribute in switchboard.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "TargetFrameworkAttribute" }
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string moniker)
            {
                // ".NETCoreApp,Version=v10.0"
                var version = moniker.Substring(moniker.LastIndexOf('v') + 1);
                return moniker.StartsWith(".NETCoreApp", StringComparison.Ordinal)
                    && Version.TryParse(version, out var parsed)
                    && parsed.Major >= 9;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="attribute"/> is <c>System.Text.Json.Serialization.</c><paramref name="name"/>.</summary>
    public static bool IsJsonAttribute(AttributeData attribute, string name) =>
        attribute.AttributeClass is { } attributeClass
        && attributeClass.Name == name
        && attributeClass.ContainingNamespace is { Name: "Serialization" } serialization
        && serialization.ContainingNamespace is { Name: "Json" } json
        && json.ContainingNamespace is { Name: "Text" } text
        && text.ContainingNamespace is { Name: "System" } system
        && system.ContainingNamespace is { IsGlobalNamespace: true };

    /// <summary>
    /// The constructor System.Text.Json deserializes with: the <c>[JsonConstructor]</c> one, else none when a public
    /// parameterless one exists (structs always have it), else the only public one.
    /// </summary>
    private static IMethodSymbol? DeserializationConstructor(INamedTypeSymbol type)
    {
        IMethodSymbol? onlyPublic = null;
        var publicCount = 0;
        foreach (var constructor in type.InstanceConstructors)
        {
            foreach (var attribute in constructor.GetAttributes())
            {
                if (IsJsonAttribute(attribute, "JsonConstructorAttribute"))
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

    /// <summary>The class or struct JSON reads as an object for <paramref name="type"/>, or <see langword="null"/> when it reads none with named members.</summary>
    private static INamedTypeSymbol? ObjectType(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named || named.SpecialType != SpecialType.None)
        {
            return null;
        }

        foreach (var implemented in named.AllInterfaces)
        {
            if (implemented.SpecialType == SpecialType.System_Collections_IEnumerable)
            {
                return null;
            }
        }

        return named;
    }
}
