using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Switchboard;

namespace App;

public sealed record AddRequest(int A, int B);

public static class Calculator
{
    [MessageHandler("add")]
    public static int Add(AddRequest payload) => payload.A + payload.B;

    [MessageHandler("lookup")]
    public static Task<string?> LookupAsync(IReadOnlyDictionary<string, object?> payload, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);

    [MessageHandler("now")]
    public static ValueTask<DateTimeOffset> NowAsync() => new(DateTimeOffset.UnixEpoch);

    [MessageHandler("tuple")]
    public static (int Count, string Label) Tuple() => (1, "one");

    // A client handler that returns a value cannot answer requests (only gateway handlers do): no Request stub, but it
    // answers request-alls.
    [MessageHandler("ping", Scope.Client)]
    public static string Ping() => "pong";
}
