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
    private const string DynamicWhy =
        "which generated code cannot name in typeof, in a typed stub or in the manifest, nor convert a payload to";

    private const string DynamicHandlers = """
        public sealed record Box<T>(T Value);

        public static class Handlers
        {
            [MessageHandler("dynamicPayload")]
            public static void DynamicPayload({|#0:dynamic payload|}) { }

            [MessageHandler("dynamicList")]
            public static void DynamicList({|#1:List<dynamic> items|}) { }

            [MessageHandler("dynamicBox")]
            public static void DynamicBox({|#2:Box<dynamic> box|}) { }

            [MessageHandler("dynamicResponse")]
            public static {|#3:dynamic|} DynamicResponse() => 1;

            [MessageHandler("dynamicTask")]
            public static {|#4:Task<dynamic>|} DynamicTaskAsync() => Task.FromResult<dynamic>(1);

            [MessageHandler("dynamicValueTask")]
            public static {|#5:ValueTask<List<dynamic>>|} DynamicValueTaskAsync() => default;

            [MessageHandler("typed")]
            public static Task<object> TypedAsync(Box<object> box) => Task.FromResult(box.Value);
        }

        """;

    [Fact]
    public async Task A_dynamic_payload_or_response_anywhere_in_the_type_is_an_error_that_says_why_and_what_to_use()
    {
        static DiagnosticResult Parameter(int location, string handler, string parameter, string type, string part) =>
            new DiagnosticResult(DiagnosticDescriptors.UnsupportedHandlerSignature).WithLocation(location).WithArguments(
                handler,
                $"cannot take parameter '{parameter}' of type '{type}': it {part} dynamic, {DynamicWhy}; "
                + "take a typed payload or IReadOnlyDictionary<string, object?>; " + Handlers.HandlerShapes.AllowedParameters);

        static DiagnosticResult Return(int location, string handler, string type, string part) =>
            new DiagnosticResult(DiagnosticDescriptors.UnsupportedHandlerSignature).WithLocation(location).WithArguments(
                handler, $"cannot return '{type}': {part}, {DynamicWhy}; return a typed value");

        await Verifier.AnalyzerAsync(
            DynamicHandlers,
            Parameter(0, "dynamicPayload", "payload", "dynamic", "is"),
            Parameter(1, "dynamicList", "items", "List<dynamic>", "contains"),
            Parameter(2, "dynamicBox", "box", "Box<dynamic>", "contains"),
            Return(3, "dynamicResponse", "dynamic", "its response is dynamic"),
            Return(4, "dynamicTask", "Task<dynamic>", "its response is dynamic"),
            Return(5, "dynamicValueTask", "ValueTask<List<dynamic>>", "its response 'List<dynamic>' contains dynamic"));
    }

    [Fact]
    public async Task The_generator_skips_every_dynamic_handler_it_reports_and_keeps_the_object_typed_one()
    {
        var source = DynamicHandlers;
        foreach (var marker in new[] { "{|#0:", "{|#1:", "{|#2:", "{|#3:", "{|#4:", "{|#5:", "|}" })
        {
            source = source.Replace(marker, "", StringComparison.Ordinal);
        }

        var output = await GeneratorOutput.RunAsync("Plant", source);

        var entry = Assert.Single(output.ManifestEntries);
        Assert.Contains("\"typed\"", entry, StringComparison.Ordinal);
    }
}
