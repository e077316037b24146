using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Switchboard.Analyzers.Payloads;
using Switchboard.Generators.Model;
using Switchboard.Manifests;

namespace Switchboard.Generators;

/// <summary>
/// What a handler manifest records about a payload type: the name to find it by elsewhere, and the members a
/// dictionary may fill as System.Text.Json reads them (<see cref="PayloadJsonMembers"/>: case-insensitive names,
/// <c>[JsonPropertyName]</c>, <c>[JsonIgnore]</c>, <c>required</c> and <c>[JsonRequired]</c>), so a project without the
/// type can check its dictionaries against it.
/// </summary>
internal static class PayloadProperties
{
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

    /// <summary>
    /// The members (<see cref="PayloadJsonMembers"/>, the rule the analyzers check dictionaries by), or
    /// <see langword="null"/> when any key could fit (collections, extension data, BCL types). With
    /// <paramref name="constructorParametersRequired"/> (the declaring project's runtime reads payloads respecting
    /// required constructor parameters), a member that a constructor parameter without a default binds to is required.
    /// </summary>
    public static EquatableArray<ManifestProperty>? Of(ITypeSymbol type, bool constructorParametersRequired)
    {
        if (PayloadJsonMembers.Of(type) is not { } members)
        {
            return null;
        }

        var constructorKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (constructorParametersRequired)
        {
            foreach (var (jsonName, _) in PayloadJsonMembers.RequiredConstructorParameters(type, members))
            {
                constructorKeys.Add(jsonName);
            }
        }

        var properties = ImmutableArray.CreateBuilder<ManifestProperty>(members.Length);
        foreach (var member in members)
        {
            var byConstructor = !member.IsRequired && constructorKeys.Contains(member.JsonName);
            properties.Add(new ManifestProperty(
                member.JsonName,
                member.Property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                member.IsRequired || byConstructor,
                byConstructor));
        }

        return properties.MoveToImmutable().ToEquatableArray();
    }

    private static INamedTypeSymbol Outermost(INamedTypeSymbol type)
    {
        while (type.ContainingType is { } outer)
        {
            type = outer;
        }

        return type;
    }
}
