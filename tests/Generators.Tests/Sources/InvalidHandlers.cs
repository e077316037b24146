using System;
using System.Collections.Generic;
using System.Threading;
using Switchboard;

namespace App;

public sealed record Reading(string Tag, double Value);

public static class Handlers
{
    [MessageHandler("valid")]
    public static void Valid(Reading payload)
    {
    }

    [MessageHandler("privateMethod")]
    private static void PrivateMethod()
    {
    }

    [MessageHandler("genericMethod")]
    public static void GenericMethod<T>(T payload)
    {
    }

    [MessageHandler("refParameter")]
    public static void RefParameter(ref Reading payload)
    {
    }

    [MessageHandler("twoPayloads")]
    public static void TwoPayloads(Reading first, Reading second)
    {
    }

    [MessageHandler("twoTokens")]
    public static void TwoTokens(CancellationToken first, CancellationToken second)
    {
    }

    [MessageHandler("sessionOutsideSessionScope", Scope.Client)]
    public static void SessionOutsideSessionScope(Session session)
    {
    }

    [MessageHandler("clientInTwoScopes", Scope.Client | Scope.Gateway)]
    public static void ClientInTwoScopes(Client client)
    {
    }

    [MessageHandler("noScope", (Scope)0)]
    public static void NoScope()
    {
    }

    [MessageHandler("unknownScope", (Scope)8)]
    public static void UnknownScope()
    {
    }

    [MessageHandler("")]
    public static void EmptyName()
    {
    }

    [MessageHandler("blankProject", Project = " ")]
    public static void BlankProject()
    {
    }

    [MessageHandler("badThreading", Threading = (HandlerThreading)7)]
    public static void BadThreading()
    {
    }

    [MessageHandler("durableSession", Scope.Session, Delivery = DeliveryMode.Durable)]
    public static void DurableSession()
    {
    }

    [MessageHandler("badDelivery", Delivery = (DeliveryMode)5)]
    public static void BadDelivery()
    {
    }

    [MessageHandler("interfacePayload")]
    public static void InterfacePayload(IDisposable payload)
    {
    }

    [MessageHandler("otherDictionary")]
    public static void OtherDictionary(Dictionary<string, object?> payload, IReadOnlyDictionary<string, object?> second)
    {
    }

    [MessageHandler("gatewayParameter")]
    public static void GatewayParameter(Gateway gateway)
    {
    }

    [MessageHandler("spanReturn")]
    public static ReadOnlySpan<byte> SpanReturn() => default;
}

public struct StructHandlers
{
    [MessageHandler("structInstance")]
    public void Instance()
    {
    }
}

public static class Generic<T>
{
    [MessageHandler("inGenericType")]
    public static void InGenericType()
    {
    }
}

internal static class Outer
{
    private static class Inner
    {
        [MessageHandler("inPrivateType")]
        public static void InPrivateType()
        {
        }
    }
}
