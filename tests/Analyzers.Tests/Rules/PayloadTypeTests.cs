using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.PayloadTypeAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class PayloadTypeTests
{
    [Fact]
    public async Task A_string_sent_to_a_handler_taking_a_record_is_an_error_that_says_what_each_side_is_in_JSON()
    {
        var source = Sources.ProjectX + Sources.Send("""
                await gateway.SendRequestAsync<int>("X", "add", {|#0:"1 + 2"|});
                """);
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.PayloadTypeMismatch).WithLocation(0)
                .WithArguments("A 'string' payload can never become 'Numbers', the payload of handler 'add' in project 'X': it is written as a JSON string, and 'Numbers' is read from a JSON object; send a 'Numbers' instead"));
    }

    [Fact]
    public async Task Numbers_records_and_lists_sent_where_another_shape_is_read_are_errors_in_every_scope_they_reach()
    {
        var source = Sources.ProjectX + Sources.Send("""
                await gateway.SendAsync("X", "record", {|#0:42|});
                await gateway.SendAsync("X", "testHandler", {|#1:new[] { 1, 2 }|}, scope: Scope.Gateway);
                await gateway.SendAsync("X", "stringly", {|#2:new Numbers(1, 2)|});
                """, extra: """
                public static class More
                {
                    [MessageHandler("stringly", Scope.Gateway)]
                    public static void Take(string text) { }
                }
                """);
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.PayloadTypeMismatch).WithLocation(0)
                .WithArguments("A 'int' payload can never become 'Reading', the payload of handler 'record' in project 'X': it is written as a JSON number, and 'Reading' is read from a JSON object; send a 'Reading' instead"),
            new DiagnosticResult(DiagnosticDescriptors.PayloadTypeMismatch).WithLocation(1)
                .WithArguments("A 'int[]' payload can never become 'IReadOnlyDictionary<string, object?>', the payload of handler 'testHandler' in project 'X': it is written as a JSON array, and 'IReadOnlyDictionary<string, object?>' is read from a JSON object; send a 'IReadOnlyDictionary<string, object?>' instead"),
            new DiagnosticResult(DiagnosticDescriptors.PayloadTypeMismatch).WithLocation(2)
                .WithArguments("A 'Numbers' payload can never become 'string', the payload of handler 'stringly' in project 'X': it is written as a JSON object, and 'string' is read from a JSON string; send a 'string' instead"));
    }

    [Fact]
    public async Task Payloads_that_can_convert_or_may_be_the_type_at_run_time_are_not_reported()
    {
        var source = Sources.ProjectX + Sources.Send("""
                await gateway.SendRequestAsync<int>("X", "add", new Numbers(1, 2));
                await gateway.SendRequestAsync<int>("X", "add", new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 });
                await gateway.SendRequestAsync<int>("X", "add", new { A = 1, B = 2 });
                await gateway.SendRequestAsync<int>("X", "add", null);
                await gateway.SendRequestAsync<int>("X", "add");
                object boxed = new Numbers(1, 2);
                await gateway.SendRequestAsync<int>("X", "add", boxed);
                string? maybe = Console.ReadLine();
                await gateway.SendRequestAsync<int>("X", "add", maybe);
                await gateway.SendAsync("X", "record", new Reading { Tag = "T" });
                await gateway.SendAsync("X", "shape", new Square());
                await gateway.SendAsync("X", "shape", (Shape)new Square());
                await gateway.SendAsync("X", "testHandler", new Numbers(1, 2));
                await gateway.SendAsync("X", "test", "anything goes to a handler without a payload");
                await gateway.SendAsync("X", "record", 42, scope: Scope.Session);
                await gateway.SendAsync("X", "generic", 42);
                """, extra: """
                public class Shape { public double Size { get; init; } }
                public sealed class Square : Shape { }
                public static class More
                {
                    [MessageHandler("shape", Scope.Gateway)]
                    public static void Take(Shape shape) { }

                    [MessageHandler("generic", Scope.Gateway)]
                    public static void Take(object value) { }
                }
                """);
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task The_payload_type_of_a_referenced_manifest_is_checked()
    {
        var source = Sources.Send("""
                await gateway.SendAsync("Lib", "reading", {|#0:3.5|});
                await gateway.SendRequestAsync<int>("Lib", "sum", new Lib.Terms(1, 2));
                """);
        await Verifier.AnalyzerAsync(
            source,
            Sources.LibraryManifest,
            new DiagnosticResult(DiagnosticDescriptors.PayloadTypeMismatch).WithLocation(0)
                .WithArguments("A 'double' payload can never become 'Measurement', the payload of handler 'reading' in project 'Lib': it is written as a JSON number, and 'Measurement' is read from a JSON object; send a 'Measurement' instead"));
    }
}
