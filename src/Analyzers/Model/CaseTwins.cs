using System;
using System.Collections.Generic;

namespace Switchboard.Analyzers.Model;

/// <summary>
/// Distinct names grouped ignoring case, so that finding a name's case twins (names the run time tells apart, but a
/// person hardly does) costs one lookup, not a scan. Built once, then only read.
/// </summary>
internal sealed class CaseTwins
{
    private readonly Dictionary<string, List<string>> byFoldedName = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="names">Distinct names (compared ordinally).</param>
    public CaseTwins(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (!byFoldedName.TryGetValue(name, out var spellings))
            {
                byFoldedName[name] = spellings = new List<string>(1);
            }

            spellings.Add(name);
        }
    }

    /// <summary>The other names equal to <paramref name="name"/> ignoring case (usually none).</summary>
    public IEnumerable<string> Of(string name)
    {
        if (!byFoldedName.TryGetValue(name, out var spellings))
        {
            yield break;
        }

        foreach (var spelling in spellings)
        {
            if (!string.Equals(spelling, name, StringComparison.Ordinal))
            {
                yield return spelling;
            }
        }
    }
}
