namespace Switchboard.Generated.Tests.Handlers;

/// <summary>Gateway handlers that answer requests: a value, a Task of one, a ValueTask of one.</summary>
public static class RequestHandlers
{
    [MessageHandler("add")]
    public static int Add(Sum payload) => payload.A + payload.B;

    [MessageHandler("addLater")]
    public static async Task<int> AddLater(CancellationToken cancellationToken, Sum payload)
    {
        await Task.Delay(1, cancellationToken);
        return payload.A + payload.B;
    }

    [MessageHandler("batchTotal")]
    public static double BatchTotal(Batch payload) => payload.Readings.Sum(reading => reading.Value);

    [MessageHandler("describe")]
    public static ValueTask<string> Describe(IReadOnlyDictionary<string, object?> payload) =>
        new(string.Join(",", payload.Keys.Order(StringComparer.Ordinal)));

    [MessageHandler("whoAsked")]
    public static string? WhoAsked(MessageContext context) => context.Sender.User;

    [MessageHandler("secret", RequiredRole = "Administrator")]
    public static string Secret() => "42";
}
