using System.Collections.Generic;
using Switchboard;

namespace App;

public sealed record Reading(string Tag, double Value);

public sealed record OtherReading(string Tag);

public static class TankHandlers
{
    // One name in three scopes: typed on the gateway, a dictionary in clients, nothing in sessions.
    [MessageHandler("tankLevel", Scope.Gateway)]
    public static void OnGateway(Reading payload)
    {
    }

    [MessageHandler("tankLevel", Scope.Client)]
    public static void OnClient(IReadOnlyDictionary<string, object?> payload)
    {
    }

    [MessageHandler("tankLevel", Scope.Session)]
    public static void OnSession(MessageContext context)
    {
    }

    // Different payload types in different scopes: the stub takes object.
    [MessageHandler("mixed", Scope.Gateway)]
    public static int Mixed(Reading payload) => 1;

    [MessageHandler("mixed", Scope.Client)]
    public static void Mixed(OtherReading payload)
    {
    }

    // One method in two scopes.
    [MessageHandler("both", Scope.Client | Scope.Session)]
    public static void Both(MessageContext context)
    {
    }

    // A second gateway declaration of a name is skipped (the analyzers report it); the first, ordinally, is kept.
    [MessageHandler("duplicate")]
    public static void DuplicateA()
    {
    }

    [MessageHandler("duplicate")]
    public static void DuplicateB()
    {
    }
}
