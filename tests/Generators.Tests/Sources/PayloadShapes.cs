using System.Collections.Generic;
using Switchboard;

namespace App;

public sealed record Reading(string Tag, double Value);

public readonly record struct Point(int X, int Y);

internal sealed class InternalNote
{
    public string Text { get; set; } = "";
}

public static class Handlers
{
    [MessageHandler("typed")]
    public static void Typed(Reading payload)
    {
    }

    // A nullable annotation on the payload does not make the stub's payload nullable: an absent payload is an empty dictionary.
    [MessageHandler("typedNullable", Scope.Client)]
    public static void TypedNullable(Reading? payload)
    {
    }

    [MessageHandler("structPayload")]
    public static void Struct(Point payload)
    {
    }

    [MessageHandler("dictionary", Scope.Session)]
    public static void Dictionary(Session session, IReadOnlyDictionary<string, object?> payload)
    {
    }

    [MessageHandler("none", Scope.Client | Scope.Gateway)]
    public static void None()
    {
    }

    // An internal payload type makes the field and stubs internal.
    [MessageHandler("note")]
    internal static void Note(InternalNote payload)
    {
    }
}
