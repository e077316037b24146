using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.DictionaryValueTypeAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class DictionaryValueTypeTests
{
    [Fact]
    public async Task A_string_for_a_double_is_a_warning_on_the_value()
    {
        var source = Sources.ProjectX + Sources.Send("""
                gateway.SendMessage("X", "record", new Dictionary<string, object?> { ["tag"] = "T1", ["value"] = {|#0:"high"|} });
                """);
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.DictionaryValueType).WithLocation(0)
                .WithArguments("value", "string", "double", "Reading.Value", "handler 'record' in project 'X'",
                    "it is written as a JSON string, and the property reads a JSON number"));
    }

    [Fact]
    public async Task Null_for_an_int_a_number_for_a_string_and_a_list_for_a_number_are_warnings()
    {
        var source = Sources.ProjectX + Sources.Send("""
                await gateway.SendRequestAsync<int>("X", "add", new Dictionary<string, object?> { { "A", {|#0:null|} }, { "B", {|#1:new[] { 1, 2 }|} } });
                gateway.SendMessage("X", "record", new Dictionary<string, object?> { ["Tag"] = {|#2:7|} });
                """);
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.DictionaryValueType).WithLocation(0)
                .WithArguments("A", "null", "int", "Numbers.A", "handler 'add' in project 'X'", "it is written as a JSON null, and the property reads a JSON number"),
            new DiagnosticResult(DiagnosticDescriptors.DictionaryValueType).WithLocation(1)
                .WithArguments("B", "int[]", "int", "Numbers.B", "handler 'add' in project 'X'", "it is written as a JSON array, and the property reads a JSON number"),
            new DiagnosticResult(DiagnosticDescriptors.DictionaryValueType).WithLocation(2)
                .WithArguments("Tag", "int", "string", "Reading.Tag", "handler 'record' in project 'X'", "it is written as a JSON number, and the property reads a JSON string or null"));
    }

    [Fact]
    public async Task Numbers_read_from_strings_must_still_be_numbers()
    {
        var source = Sources.ProjectX + Sources.Send("""
                gateway.SendMessage("X", "lenient", new Dictionary<string, object?> { ["price"] = "12.5", ["count"] = {|#0:"many"|} });
                """, extra: """
                [System.Text.Json.Serialization.JsonNumberHandling(System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString)]
                public sealed record Lenient(double Price, int Count);
                public static class More
                {
                    [MessageHandler("lenient", Scope.Gateway)]
                    public static void Take(Lenient payload) { }
                }
                """);
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.DictionaryValueType).WithLocation(0)
                .WithArguments("count", "string", "int", "Lenient.Count", "handler 'lenient' in project 'X'",
                    "it is not a number, and the property reads numbers from strings only when they are numbers"));
    }

    [Fact]
    public async Task Values_that_convert_are_not_reported()
    {
        var source = Sources.ProjectX + Sources.Send("""
                gateway.SendMessage("X", "record", new Dictionary<string, object?> { ["TAG"] = "T1", ["value"] = 2 });
                gateway.SendMessage("X", "record", new Dictionary<string, object?> { ["tag"] = "T1", ["value"] = 2.5f });
                await gateway.SendRequestAsync<int>("X", "add", new Dictionary<string, object?> { ["a"] = (short)1, ["b"] = 2L });
                object anything = 3;
                string? text = Console.ReadLine();
                gateway.SendMessage("X", "record", new Dictionary<string, object?> { ["tag"] = text, ["value"] = anything });
                gateway.SendMessage("X", "record", new Dictionary<string, object?> { ["tag"] = null, ["value"] = 1.0 });
                gateway.SendMessage("X", "optional", new Dictionary<string, object?> { ["when"] = "2026-01-01", ["count"] = null, ["id"] = Guid.NewGuid(), ["tags"] = new List<string>(), ["level"] = 2 });
                gateway.SendMessage("X", "testHandler", new Dictionary<string, object?> { ["anything"] = "at all" });
                """, extra: """
                public enum Level { Low, High }
                public sealed record Optional(DateTime? When, int? Count, Guid Id, string[] Tags, Level Level);
                public static class More
                {
                    [MessageHandler("optional", Scope.Gateway)]
                    public static void Take(Optional payload) { }
                }
                """);
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task The_payload_type_of_a_referenced_manifest_is_checked()
    {
        var source = Sources.Send("""
                gateway.SendMessage("Lib", "reading", new Dictionary<string, object?> { ["tag"] = "T", ["value"] = {|#0:"1.5"|} });
                """);
        await Verifier.AnalyzerAsync(
            source,
            Sources.LibraryManifest,
            new DiagnosticResult(DiagnosticDescriptors.DictionaryValueType).WithLocation(0)
                .WithArguments("value", "string", "double", "Measurement.Value", "handler 'reading' in project 'Lib'",
                    "it is written as a JSON string, and the property reads a JSON number"));
    }
}
