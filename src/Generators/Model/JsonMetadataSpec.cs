using Switchboard.Analyzers.Payloads;

namespace Switchboard.Generators.Model;

/// <summary>
/// The System.Text.Json metadata for every payload and response type of the compilation's handlers: the root model of
/// the <c>SwitchboardJsonMetadata.g.cs</c> output. Strings and flags only, so an edit that leaves the types as they
/// were regenerates nothing.
/// </summary>
/// <param name="Namespace">The namespace of the resolver class; empty for the global namespace.</param>
/// <param name="Types">Every type to describe, sorted ordinally by name, without duplicates.</param>
internal sealed record JsonMetadataSpec(string Namespace, EquatableArray<JsonTypeSpec> Types);

/// <summary>One described type.</summary>
/// <param name="Name">Fully qualified, without nullable annotations: valid in <c>typeof</c> and as a type argument.</param>
/// <param name="Kind">How it is described.</param>
/// <param name="Converter">For values: the <c>JsonMetadataServices</c> converter property.</param>
/// <param name="Element">The element, dictionary value or nullable's underlying type.</param>
/// <param name="IsValueType">Whether the type is a struct (its setters write through <c>Unsafe.Unbox</c>).</param>
/// <param name="Properties">For objects: the JSON properties.</param>
/// <param name="Parameters">For objects made by a constructor: its parameters, then required members set by initializer.</param>
/// <param name="Parameterized">Whether the object is made from <see cref="Parameters"/> rather than <c>new T()</c>.</param>
internal sealed record JsonTypeSpec(
    string Name,
    PayloadJsonKind Kind,
    string? Converter,
    string? Element,
    bool IsValueType,
    EquatableArray<JsonPropertySpec> Properties,
    EquatableArray<JsonParameterSpec> Parameters,
    bool Parameterized);

/// <summary>One JSON property of an object.</summary>
/// <param name="ClrName">The property's name in C#.</param>
/// <param name="JsonName">Its name in JSON, when <c>[JsonPropertyName]</c> gives one.</param>
/// <param name="Type">Its type, as <see cref="JsonTypeSpec.Name"/>.</param>
/// <param name="DeclaringType">The type that declares it.</param>
/// <param name="Settable">Whether it has a public, non-init setter.</param>
/// <param name="InitOnly">Whether its setter is <c>init</c>: a required one is set by the creator's object initializer.</param>
/// <param name="IsRequired"><c>required</c> or <c>[JsonRequired]</c>.</param>
/// <param name="IgnoreCondition">A conditional <c>[JsonIgnore]</c>'s <c>JsonIgnoreCondition</c> value.</param>
/// <param name="NonNullable">A reference type declared non-nullable: null is refused (with <c>RespectNullableAnnotations</c>).</param>
/// <param name="IsVirtual">Whether the property is virtual, abstract or an override.</param>
internal sealed record JsonPropertySpec(
    string ClrName,
    string? JsonName,
    string Type,
    string DeclaringType,
    bool Settable,
    bool InitOnly,
    bool IsRequired,
    int? IgnoreCondition,
    bool NonNullable,
    bool IsVirtual);

/// <summary>One argument of an object's creator: a constructor parameter or a required member's initializer.</summary>
/// <param name="Name">The parameter's name (a member initializer: the property's name).</param>
/// <param name="Type">Its type, as <see cref="JsonTypeSpec.Name"/>.</param>
/// <param name="DefaultValue">The C# expression of an optional parameter's default value, else <see langword="null"/>.</param>
/// <param name="IsNullable">Whether null is a valid value.</param>
/// <param name="IsMemberInitializer">Set in the object initializer rather than passed to the constructor.</param>
internal sealed record JsonParameterSpec(
    string Name,
    string Type,
    string? DefaultValue,
    bool IsNullable,
    bool IsMemberInitializer);
