namespace Switchboard.Analyzers;

/// <summary>
/// The tool name of the <c>[GeneratedCode]</c> attribute on every class the generator writes, so that the code fixes
/// can tell a generated stub from a user's method of the same shape.
/// </summary>
internal static class GeneratedBy
{
    public const string Tool = "Switchboard.Generators";
}
