namespace Switchboard;

/// <summary>
/// What a name in a message may be: not blank, and at most <see cref="MaxLength"/> characters. Compiled into the runtime
/// (which refuses other names, <c>MessageNames</c>), the generator (which registers no handler by another name) and the
/// analyzers (SWB0010), so the three never disagree.
/// </summary>
internal static class NameRule
{
    /// <summary>The most characters a name may have; far beyond any real name.</summary>
    public const int MaxLength = 1024;

    /// <summary>Whether <paramref name="name"/> is a name: not blank, and at most <see cref="MaxLength"/> characters.</summary>
    public static bool IsUsable(string? name) => !string.IsNullOrWhiteSpace(name) && name!.Length <= MaxLength;
}
