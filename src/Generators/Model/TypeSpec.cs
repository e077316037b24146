namespace Switchboard.Generators.Model;

/// <summary>A type as generated code writes it.</summary>
/// <param name="Name">Fully qualified, with nullable annotations, for declarations: <c>global::App.Reading</c>.</param>
/// <param name="TypeOfName">Fully qualified, valid inside <c>typeof(...)</c> (no nullable reference annotations, tuples spelled out).</param>
/// <param name="IsPublic">Whether every part of the type is visible outside the assembly, so a public member may expose it.</param>
internal sealed record TypeSpec(string Name, string TypeOfName, bool IsPublic)
{
    /// <summary><c>object</c>: the stub payload of a name whose scopes take different payload types.</summary>
    public static TypeSpec Object { get; } = new("object", "object", true);

    /// <summary>Ignition's payload dictionary.</summary>
    public static TypeSpec Dictionary { get; } = new(
        "global::System.Collections.Generic.IReadOnlyDictionary<string, object?>",
        "global::System.Collections.Generic.IReadOnlyDictionary<string, object>",
        true);
}
