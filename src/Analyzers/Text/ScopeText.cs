using System.Text;
using Switchboard.Analyzers.Model;

namespace Switchboard.Analyzers.Text;

/// <summary>Parses, formats and repairs Ignition scope strings the way <c>Switchboard.ScopeCode</c> does at run time.</summary>
internal static class ScopeText
{
    private const string AllowedLetters = "C, G, S";

    /// <summary>Parses <paramref name="code"/>; on failure <paramref name="error"/> says why, in the runtime's words.</summary>
    public static bool TryParse(string? code, out ScopeFlags scope, out string? error)
    {
        scope = ScopeFlags.None;
        if (string.IsNullOrEmpty(code))
        {
            error = $"A scope string must not be empty; use one or more of the letters {AllowedLetters}";
            return false;
        }

        foreach (var letter in code!)
        {
            var flag = FlagOf(letter);
            if (flag == ScopeFlags.None)
            {
                error = $"The scope string \"{code}\" has the unknown letter '{letter}'; the allowed letters are {AllowedLetters}";
                scope = ScopeFlags.None;
                return false;
            }

            if ((scope & flag) != 0)
            {
                error = $"The scope string \"{code}\" repeats the letter '{letter}'; use each of {AllowedLetters} at most once";
                scope = ScopeFlags.None;
                return false;
            }

            scope |= flag;
        }

        error = null;
        return true;
    }

    /// <summary>
    /// The valid scope closest to what <paramref name="code"/> meant: its known letters, each once, in canonical order.
    /// Empty when no letter is known (then the runtime default is the only sensible repair).
    /// </summary>
    public static string Correct(string? code)
    {
        var scope = ScopeFlags.None;
        foreach (var letter in code ?? string.Empty)
        {
            scope |= FlagOf(letter);
        }

        return ToCode(scope);
    }

    /// <summary>Canonical letters in Ignition's order C, G, S; empty for <see cref="ScopeFlags.None"/>.</summary>
    public static string ToCode(ScopeFlags scope)
    {
        var text = new StringBuilder(3);
        if ((scope & ScopeFlags.Client) != 0)
        {
            text.Append('C');
        }

        if ((scope & ScopeFlags.Gateway) != 0)
        {
            text.Append('G');
        }

        if ((scope & ScopeFlags.Session) != 0)
        {
            text.Append('S');
        }

        return text.ToString();
    }

    /// <summary>Readable scope names, for messages: <c>Client and Session</c>.</summary>
    public static string Describe(ScopeFlags scope)
    {
        var names = new System.Collections.Generic.List<string>(3);
        if ((scope & ScopeFlags.Client) != 0)
        {
            names.Add("Client");
        }

        if ((scope & ScopeFlags.Gateway) != 0)
        {
            names.Add("Gateway");
        }

        if ((scope & ScopeFlags.Session) != 0)
        {
            names.Add("Session");
        }

        return names.Count switch
        {
            0 => "none",
            1 => names[0],
            _ => string.Join(", ", names.GetRange(0, names.Count - 1)) + " and " + names[names.Count - 1],
        };
    }

    public static bool IsValid(ScopeFlags scope) => scope is > ScopeFlags.None and <= ScopeFlags.All;

    private static ScopeFlags FlagOf(char letter) => char.ToUpperInvariant(letter) switch
    {
        'C' => ScopeFlags.Client,
        'G' => ScopeFlags.Gateway,
        'S' => ScopeFlags.Session,
        _ => ScopeFlags.None,
    };
}
