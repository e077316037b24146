namespace Switchboard.Analyzers;

/// <summary>
/// How the generator marks what it writes, so that the code fixes can tell a generated stub from a user's method of
/// the same shape in the same partial class.
/// </summary>
internal static class GeneratedBy
{
    /// <summary>The tool name of the <c>[GeneratedCode]</c> attribute on every class the generator writes.</summary>
    public const string Tool = "Switchboard.Generators";

    /// <summary>How the name of a file of typed stubs ends (<c>XMessages.Stubs.g.cs</c>).</summary>
    public const string StubsFileSuffix = ".Stubs.g.cs";
}
