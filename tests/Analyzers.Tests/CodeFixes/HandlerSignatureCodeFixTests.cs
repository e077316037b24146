using Switchboard.Analyzers.CodeFixes;
using Switchboard.Analyzers.Rules;
using Switchboard.Analyzers.Tests.Support;

namespace Switchboard.Analyzers.Tests.CodeFixes;

public sealed class HandlerSignatureCodeFixTests
{
    [Fact]
    public async Task Async_void_handlers_return_Task_and_by_reference_parameters_are_taken_by_value()
    {
        var source = """
            public sealed record Point(int X, int Y);

            public static class Handlers
            {
                [MessageHandler("first")]
                public static async {|SWB0005:void|} FirstAsync() => await Task.Yield();

                [MessageHandler("second", Scope.Client)]
                public static async {|SWB0005:void|} SecondAsync(Point point) => await Task.Yield();

                [MessageHandler("third")]
                public static void Third({|SWB0005:in Point point|}, {|SWB0005:ref CancellationToken token|}) { }
            }

            """;
        var fixedSource = """
            public sealed record Point(int X, int Y);

            public static class Handlers
            {
                [MessageHandler("first")]
                public static async Task FirstAsync() => await Task.Yield();

                [MessageHandler("second", Scope.Client)]
                public static async Task SecondAsync(Point point) => await Task.Yield();

                [MessageHandler("third")]
                public static void Third(Point point, CancellationToken token) { }
            }

            """;
        // Two kinds of fix (return type, by-value parameter): FixAll applies one kind per pass.
        await Verify<HandlerSignatureAnalyzer>.CodeFixAsync<HandlerSignatureCodeFixProvider>(source, fixedSource, fixAllIterations: 2);
    }

    [Fact]
    public async Task Problems_without_an_obvious_repair_get_no_fix()
    {
        var source = """
            public static class Handlers
            {
                [MessageHandler("tags")]
                public static void Tags({|SWB0005:string[] tags|}) { }
            }

            """;
        await Verify<HandlerSignatureAnalyzer>.CodeFixAsync<HandlerSignatureCodeFixProvider>(source, source);
    }

    [Fact]
    public async Task A_handler_whose_payload_comes_from_a_referenced_assembly_is_fixed_the_same_way()
    {
        var source = """
            public static class Handlers
            {
                [MessageHandler("measure")]
                public static void Measure({|SWB0005:ref Lib.Measurement measurement|}) { }
            }

            """;
        var fixedSource = """
            public static class Handlers
            {
                [MessageHandler("measure")]
                public static void Measure(Lib.Measurement measurement) { }
            }

            """;
        await Verify<HandlerSignatureAnalyzer>.CodeFixAsync<HandlerSignatureCodeFixProvider>(
            source, fixedSource, Sources.LibraryManifest, title: "Take 'measurement' by value");
    }
}
