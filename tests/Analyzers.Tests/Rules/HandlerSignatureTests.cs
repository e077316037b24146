using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.HandlerSignatureAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class HandlerSignatureTests
{
    [Fact]
    public async Task A_parameter_the_generator_cannot_supply_is_an_error_that_names_it_and_lists_what_is_allowed()
    {
        var source = """
            public static class Handlers
            {
                [MessageHandler("tags")]
                public static void Tags({|#0:string[] tags|}) { }
            }

            """;
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.UnsupportedHandlerSignature).WithLocation(0).WithArguments(
                "tags",
                "cannot take parameter 'tags' of type 'string[]': a payload is a class, record or struct, not an array; "
                + "a handler takes, in any order, at most one payload (a class, record or struct, or IReadOnlyDictionary<string, object?>), "
                + "at most one context (MessageContext; Session for session handlers; Client for client handlers) and at most one CancellationToken"));
    }

    [Fact]
    public async Task Repeated_roles_by_reference_parameters_misplaced_contexts_and_bad_returns_are_each_reported()
    {
        var source = """
            public sealed record Point(int X, int Y);

            public interface IShape { }

            public static class Handlers
            {
                [MessageHandler("two")]
                public static void Two(Point first, {|SWB0005:Point second|}) { }

                [MessageHandler("tokens")]
                public static void Tokens(CancellationToken one, {|SWB0005:CancellationToken two|}) { }

                [MessageHandler("byRef")]
                public static void ByRef({|SWB0005:ref Point point|}) { }

                [MessageHandler("session", Scope.Gateway)]
                public static void WrongContext({|SWB0005:Session session|}) { }

                [MessageHandler("client", Scope.Client | Scope.Session)]
                public static void WrongClient({|SWB0005:Client client|}) { }

                [MessageHandler("endpoint")]
                public static void WithGateway({|SWB0005:Gateway gateway|}) { }

                [MessageHandler("shape")]
                public static void Shape({|SWB0005:IShape shape|}) { }

                [MessageHandler("untyped")]
                public static void Untyped({|SWB0005:IReadOnlyDictionary<string, string> values|}) { }

                [MessageHandler("fireAndForget")]
                public static async {|SWB0005:void|} FireAndForget() => await Task.Yield();
            }

            """;
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Every_accepted_shape_is_not_reported()
    {
        var source = """
            public sealed record Point(int X, int Y);

            public struct Sample { public int Value { get; set; } }

            public sealed class Handlers
            {
                [MessageHandler("none")] public static void None() { }
                [MessageHandler("record")] public static Task RecordAsync(CancellationToken token, Point point, MessageContext context) => Task.CompletedTask;
                [MessageHandler("struct")] public void Struct(Sample sample) { }
                [MessageHandler("dict")] public static ValueTask Dict(IReadOnlyDictionary<string, object?> payload) => default;
                [MessageHandler("value")] public static int Value(Point point) => point.X;
                [MessageHandler("taskValue")] public static Task<string> TaskValue() => Task.FromResult("");
                [MessageHandler("valueTaskValue")] public static ValueTask<Point> ValueTaskValue(MessageContext context) => new(new Point(1, 2));
                [MessageHandler("session", Scope.Session)] public static void OnSession(Session session, Point point) { }
                [MessageHandler("client", Scope.Client)] public static async Task OnClientAsync(Point point, Client client) => await Task.Yield();
                public static void NotAHandler(ref int value, Gateway gateway) { }
            }

            """;
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Payload_types_declared_in_a_referenced_assembly_are_classified_the_same_way()
    {
        var source = """
            public static class Handlers
            {
                [MessageHandler("measure")]
                public static void Measure(Lib.Measurement measurement, CancellationToken cancellationToken) { }

                [MessageHandler("both")]
                public static void Both(Lib.Measurement measurement, {|SWB0005:Lib.Terms terms|}) { }
            }

            """;
        await Verifier.AnalyzerAsync(source, Sources.LibraryManifest);
    }
}
