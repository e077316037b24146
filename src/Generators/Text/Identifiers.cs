using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Switchboard.Generators.Text;

/// <summary>Turns handler, project and namespace names into valid C# identifiers and literals.</summary>
internal static class Identifiers
{
    /// <summary>
    /// A PascalCase identifier from any name: characters that cannot be in an identifier (and underscores) separate
    /// words, each word starts upper-case, a leading digit gets an underscore. <c>testHandler</c> → <c>TestHandler</c>,
    /// <c>tank-level changed</c> → <c>TankLevelChanged</c>, <c>2fast</c> → <c>_2fast</c>.
    /// </summary>
    /// <param name="name">Any text.</param>
    /// <param name="fallback">The identifier to use when <paramref name="name"/> has no identifier characters.</param>
    /// <returns>A valid identifier that is never a keyword (keywords are lower-case).</returns>
    public static string ToPascalCase(string name, string fallback)
    {
        var builder = new StringBuilder(name.Length);
        var startOfWord = true;
        foreach (var character in name)
        {
            if (character == '_' || !SyntaxFacts.IsIdentifierPartCharacter(character))
            {
                startOfWord = true;
                continue;
            }

            builder.Append(startOfWord ? char.ToUpperInvariant(character) : character);
            startOfWord = false;
        }

        if (builder.Length == 0)
        {
            return fallback;
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>A namespace from a dotted name, each part made a valid identifier; empty stays empty (the global namespace).</summary>
    public static string ToNamespace(string name)
    {
        var parts = name.Split('.');
        var builder = new StringBuilder(name.Length);
        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(Escape(ToIdentifier(part)));
        }

        return builder.ToString();
    }

    /// <summary>Prefixes <c>@</c> to a reserved keyword so it can be used as an identifier.</summary>
    public static string Escape(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    /// <summary>A C# string literal, quoted and escaped.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>Text safe inside an XML documentation comment.</summary>
    public static string Xml(string value) =>
        value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", " ").Replace("\n", " ");

    private static string ToIdentifier(string part)
    {
        var builder = new StringBuilder(part.Length);
        foreach (var character in part)
        {
            builder.Append(SyntaxFacts.IsIdentifierPartCharacter(character) ? character : '_');
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
