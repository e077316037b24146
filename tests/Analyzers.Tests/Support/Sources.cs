namespace Switchboard.Analyzers.Tests.Support;

/// <summary>Handler sets the tests send to: project X in source, project Lib in a referenced assembly's manifest.</summary>
internal static class Sources
{
    /// <summary>
    /// Project X, in source: testHandler in the gateway and in clients, add (a gateway request handler with a typed
    /// payload), test (a session handler), notify (a gateway handler returning nothing) and record (typed payload with
    /// a required property).
    /// </summary>
    public const string ProjectX = """
        [assembly: MessagingProject("X")]

        public sealed record Numbers(int A, int B);

        public sealed class Reading
        {
            public required string Tag { get; init; }
            public double Value { get; init; }
        }

        public static class Handlers
        {
            [MessageHandler("testHandler", Scope.Gateway)]
            public static void OnGateway(IReadOnlyDictionary<string, object?> payload) { }

            [MessageHandler("testHandler", Scope.Client)]
            public static void OnClient(IReadOnlyDictionary<string, object?> payload, MessageContext context) { }

            [MessageHandler("add")]
            public static int Add(Numbers numbers) => numbers.A + numbers.B;

            [MessageHandler("test", Scope.Session)]
            public static void OnSession(Session session) { }

            [MessageHandler("notify")]
            public static Task NotifyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

            [MessageHandler("record", Scope.Gateway | Scope.Client)]
            public static void Record(Reading reading) { }
        }

        """;

    /// <summary>
    /// Project Lib as a referenced assembly shows it: only manifest attributes (what the generator emits), and the
    /// payload types. reading (gateway, typed, no response), sum (gateway, answers), alert (client and session).
    /// </summary>
    public const string LibraryManifest = """
        [assembly: MessageHandlerManifest("Lib", "reading", Scope.Gateway, typeof(Lib.Measurement), null)]
        [assembly: MessageHandlerManifest("Lib", "sum", Scope.Gateway, typeof(Lib.Terms), typeof(int))]
        [assembly: MessageHandlerManifest("Lib", "alert", Scope.Client | Scope.Session, null, null)]

        namespace Lib
        {
            public sealed record Measurement(string Tag, double Value);

            public sealed record Terms(int Left, int Right);
        }

        """;

    /// <summary>Wraps statements in a method that has a gateway to send with; <paramref name="extra"/> follows it (more types or handlers).</summary>
    public static string Send(string statements, string extra = "") => $$"""
        public static class Sender
        {
            public static async Task RunAsync(Gateway gateway)
            {
                {{statements}}
                await Task.CompletedTask;
            }
        }

        {{extra}}
        """;
}
