using System;
using System.Collections.Generic;

namespace Switchboard.Analyzers.Text;

/// <summary>Finds the known name a mistyped one most likely meant ("did you mean 'testHandler'?").</summary>
internal static class NameSuggestion
{
    /// <summary>
    /// A case-insensitive match first; else the name at the smallest edit distance (adjacent transpositions count as
    /// one edit), if it is close enough to be a plausible typo. Ties go to the ordinally smaller name, so the answer is
    /// deterministic. <see langword="null"/> when nothing is close.
    /// </summary>
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            if (string.Equals(candidate, typed, StringComparison.Ordinal))
            {
                continue;
            }

            var distance = string.Equals(candidate, typed, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(typed, candidate);
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= MaxDistance(typed) ? best : null;
    }

    /// <summary>The message tail for a suggestion: <c>; did you mean 'x'?</c>, or nothing.</summary>
    public static string Phrase(string? suggestion) => suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";

    // A third of the length, at least two: "tset" → "test" (1) is offered; "abc" → "testHandler" is not.
    private static int MaxDistance(string typed) => Math.Max(2, typed.Length / 3);

    /// <summary>Optimal string alignment distance, case-insensitive: insertions, deletions, substitutions, adjacent swaps.</summary>
    internal static int Distance(string a, string b)
    {
        var previousRow = new int[b.Length + 1];
        var row = new int[b.Length + 1];
        var beforePrevious = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previousRow[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                var value = Math.Min(Math.Min(row[j - 1] + 1, previousRow[j] + 1), previousRow[j - 1] + cost);
                if (i > 1 && j > 1
                    && char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 2])
                    && char.ToUpperInvariant(a[i - 2]) == char.ToUpperInvariant(b[j - 1]))
                {
                    value = Math.Min(value, beforePrevious[j - 2] + 1);
                }

                row[j] = value;
            }

            (beforePrevious, previousRow, row) = (previousRow, row, beforePrevious);
        }

        return previousRow[b.Length];
    }
}
