namespace Switchboard.Generators.Model;

/// <summary>A type as generated code writes it.</summary>
/// <param name="Name">Fully qualified, with nullable annotations, for declarations: <c>global::App.Reading</c>.</param>
/// <param name="TypeOfName">Fully qualified, valid inside <c>typeof(...)</c> (no nullable reference annotations, tuples spelled out).</param>
/// <param name="IsPublic">Whether every part of the type is visible outside the assembly, so a public member may expose it.</param>
internal sealed record TypeSpec(string Name, string TypeOfName, bool IsPublic)
{
    /// <summary>The name another compilation looks the type up by (<c>App.Outer+Reading</c>), for the manifest; <see langword="null"/> for arrays and generics.</summary>
    public string? MetadataName { get; init; }

    /// <summary>For a payload: the members a dictionary may fill, as the manifest records them; <see langword="null"/> when any key fits.</summary>
    public EquatableArray<Manifests.ManifestProperty>? Properties { get; init; }

    /// <summary><c>object</c>: the stub payload of a name whose scopes take different payload types.</summary>
    public static TypeSpec Object { get; } = new("object", "object", true) { MetadataName = "System.Object" };

    /// <summary>Ignition's payload dictionary.</summary>
    public static TypeSpec Dictionary { get; } = new(
        "global::System.Collections.Generic.IReadOnlyDictionary<string, object?>",
        "global::System.Collections.Generic.IReadOnlyDictionary<string, object>",
        true);

    /// <summary>Whether this is <see cref="Dictionary"/>.</summary>
    public bool IsDictionary => Name == Dictionary.Name;
}
