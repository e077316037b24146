using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Switchboard.Analyzers.Payloads;
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

    /// <summary>
    /// The members of <paramref name="type"/> (<see cref="PayloadJsonMembers"/>, the rule the generator's manifests use
    /// too), or <see langword="null"/> when any key could fit (collections, extension data, BCL types).
    /// </summary>
    public static PayloadMembers? TryCreate(ITypeSymbol type, SwitchboardSymbols symbols)
    {
        if (PayloadJsonMembers.Of(type) is not { } json)
        {
            return null;
        }

        var members = new PayloadMembers(Underlying(type).ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        foreach (var member in json)
        {
            members.properties.Add(member.JsonName, member.Property);
            if (member.IsRequired)
            {
                members.Required.Add(new RequiredKey(member.JsonName, member.Property.Type, "a required property"));
            }
        }

        if (symbols.RuntimeRequiresConstructorParameters)
        {
            foreach (var (key, parameter) in PayloadJsonMembers.RequiredConstructorParameters(type, json))
            {
                if (!members.Required.Exists(required => string.Equals(required.Key, key, StringComparison.OrdinalIgnoreCase)))
                {
                    members.Required.Add(new RequiredKey(key, parameter.Type, "a constructor parameter without a default", isConstructorParameter: true));
                }
            }
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
                    members.Required.Add(property.ConstructorParameter
                        ? new RequiredKey(property.Name, null, "a constructor parameter without a default", isConstructorParameter: true)
                        : new RequiredKey(property.Name, null, "a required property"));
                }
            }
        }

        return members;
    }

    private static ITypeSymbol Underlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
}

/// <summary>A key a dictionary must contain: its JSON name, the type of its value (unknown for a manifest's type), and why (for messages).</summary>
internal sealed class RequiredKey
{
    public RequiredKey(string key, ITypeSymbol? type, string reason, bool isConstructorParameter = false)
    {
        Key = key;
        Type = type;
        Reason = reason;
        IsConstructorParameter = isConstructorParameter;
    }

    public string Key { get; }

    public ITypeSymbol? Type { get; }

    public string Reason { get; }

    /// <summary>
    /// Required only because System.Text.Json is told to respect constructor parameters (Switchboard's payload options
    /// on .NET 9 and later); <c>JsonSerializerDefaults.Web</c>, which component payloads use, leaves them at their default.
    /// </summary>
    public bool IsConstructorParameter { get; }
}
