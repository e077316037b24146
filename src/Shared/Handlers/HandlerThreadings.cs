namespace Switchboard.Analyzers.Handlers;

/// <summary>
/// The members of the runtime's <c>HandlerThreading</c>, by value: the generator registers a handler only with one of
/// them and the analyzers report any other value (SWB0015), so both read this one list.
/// </summary>
internal static class HandlerThreadings
{
    /// <summary><c>HandlerThreading.UI</c>: client handlers only.</summary>
    public const int UI = 2;

    /// <summary><c>HandlerThreading.Inline</c>: gateway handlers only.</summary>
    public const int Inline = 3;

    /// <summary>The member names, indexed by value: Shared (0), Dedicated (1), UI (2), Inline (3).</summary>
    public static readonly string[] Names = ["Shared", "Dedicated", "UI", "Inline"];

    /// <summary>Whether <paramref name="value"/> is a <c>HandlerThreading</c> member.</summary>
    public static bool IsKnown(int value) => value >= 0 && value < Names.Length;
}
