using System.Diagnostics.CodeAnalysis;

namespace Switchboard;

/// <summary>Parses and formats Ignition scope strings such as <c>"CG"</c> or <c>"CGS"</c>.</summary>
public static class ScopeCode
{
    /// <summary>Every scope letter together: <c>"CGS"</c>.</summary>
    public const Scope All = Scope.Client | Scope.Gateway | Scope.Session;

    private const string AllowedLetters = "C, G, S";

    // Indexed by the flag value (1..7) so that formatting never allocates.
    private static readonly string[] Codes = ["", "C", "G", "CG", "S", "CS", "GS", "CGS"];

    /// <summary>Parses a scope string such as <c>"CG"</c>; letters are case-insensitive and may come in any order.</summary>
    /// <param name="code">One to three distinct letters among C, G and S.</param>
    /// <returns>The scope the letters name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The string is empty, or has an unknown or repeated letter.</exception>
    public static Scope Parse([ScopeLetters] string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!TryParse(code, out var scope, out var error))
        {
            throw new FormatException(error);
        }

        return scope;
    }

    /// <summary>Tries to parse a scope string such as <c>"CG"</c>.</summary>
    /// <param name="code">One to three distinct letters among C, G and S, case-insensitive.</param>
    /// <param name="scope">The parsed scope, or 0 when parsing fails.</param>
    /// <returns><see langword="true"/> when <paramref name="code"/> is a valid scope string.</returns>
    public static bool TryParse([NotNullWhen(true), ScopeLetters] string? code, out Scope scope) => TryParse(code, out scope, out _);

    /// <summary>Formats a scope as Ignition letters in canonical order C, G, S (for example <c>"CG"</c>).</summary>
    /// <param name="scope">A non-empty combination of <see cref="Scope"/> flags.</param>
    /// <returns>The canonical letters.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is empty or has bits outside C, G and S.</exception>
    public static string ToCode(this Scope scope)
    {
        var index = (int)scope;
        if (index is <= 0 or > (int)All)
        {
            throw new ArgumentOutOfRangeException(
                nameof(scope), scope, $"A scope must be a non-empty combination of {AllowedLetters} (Client, Gateway, Session).");
        }

        return Codes[index];
    }

    /// <summary>Whether <paramref name="scope"/> is a non-empty combination of the three defined flags only.</summary>
    /// <param name="scope">The value to check.</param>
    /// <returns><see langword="true"/> for 1 through 7.</returns>
    public static bool IsValid(this Scope scope) => (int)scope is > 0 and <= (int)All;

    internal static bool TryParse(string? code, out Scope scope, [NotNullWhen(false)] out string? error)
    {
        scope = 0;
        if (string.IsNullOrEmpty(code))
        {
            error = $"A scope string must not be empty; use one or more of the letters {AllowedLetters}.";
            return false;
        }

        foreach (var letter in code)
        {
            var flag = char.ToUpperInvariant(letter) switch
            {
                'C' => Scope.Client,
                'G' => Scope.Gateway,
                'S' => Scope.Session,
                _ => (Scope)0,
            };
            if (flag == 0)
            {
                error = $"The scope string \"{code}\" has the unknown letter '{letter}'; the allowed letters are {AllowedLetters}.";
                scope = 0;
                return false;
            }

            if ((scope & flag) != 0)
            {
                error = $"The scope string \"{code}\" repeats the letter '{letter}'; use each of {AllowedLetters} at most once.";
                scope = 0;
                return false;
            }

            scope |= flag;
        }

        error = null;
        return true;
    }
}
