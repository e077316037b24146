using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.DictionaryPayloadKeysAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class DictionaryPayloadKeysTests
{
    [Fact]
    public async Task A_key_that_matches_no_payload_property_is_a_warning_with_the_closest_property()
    {
        var source = Sources.ProjectX + Sources.Send("""
                await gateway.SendRequestAsync<int>("X", "add", {|#1:new Dictionary<string, object?> { ["a"] = 1, [{|#0:"c"|}] = 2 }|});
                """);
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.DictionaryPayloadKeys).WithLocation(0)
                .WithArguments("The key 'c' matches no property of 'Numbers', the payload of handler 'add' in project 'X'; did you mean 'A'?"),
            new DiagnosticResult(DiagnosticDescriptors.DictionaryPayloadKeys).WithLocation(1)
                .WithArguments("The dictionary has no key for 'B', a constructor parameter without a default of 'Numbers', the payload of handler 'add' in project 'X'"));
    }

    [Fact]
    public async Task Constructor_parameters_without_a_default_need_keys_and_several_missing_keys_are_one_warning()
    {
        var source = Sources.ProjectX + Sources.Send("""
                await gateway.SendRequestAsync<int>("X", "add", {|#0:new Dictionary<string, object?> { }|});
                gateway.SendMessage("X", "order", {|#1:new Dictionary<string, object?> { ["Item"] = "bolt" }|});
                gateway.SendMessage("X", "order", new Dictionary<string, object?> { ["item"] = "bolt", ["QUANTITY"] = 3 });
                """, extra: """
                public sealed record Order(string Item, int Quantity, string Note = "");
                public static class More
                {
                    [MessageHandler("order", Scope.Gateway)]
                    public static void Take(Order order) { }
                }
                """);
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.DictionaryPayloadKeys).WithLocation(0)
                .WithArguments("The dictionary has no keys for 'A' and 'B', each a constructor parameter without a default of 'Numbers', the payload of handler 'add' in project 'X'"),
            new DiagnosticResult(DiagnosticDescriptors.DictionaryPayloadKeys).WithLocation(1)
                .WithArguments("The dictionary has no key for 'Quantity', a constructor parameter without a default of 'Order', the payload of handler 'order' in project 'X'"));
    }

    [Fact]
    public async Task A_required_property_without_a_key_is_a_warning_on_the_dictionary()
    {
        var source = Sources.ProjectX + Sources.Send("""
                gateway.SendMessage("X", "record", {|#0:new Dictionary<string, object?> { { "value", 1.5 } }|}, scope: "G");
                """);
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.DictionaryPayloadKeys).WithLocation(0)
                .WithArguments("The dictionary has no key for 'Tag', a required property of 'Reading', the payload of handler 'record' in project 'X'"));
    }

    [Fact]
    public async Task Matching_keys_in_any_case_untyped_handlers_and_non_literal_payloads_are_not_reported()
    {
        var source = Sources.ProjectX + Sources.Send("""
                await gateway.SendRequestAsync<int>("X", "add", new Dictionary<string, object?> { ["A"] = 1, ["b"] = 2 });
                gateway.SendMessage("X", "record", new Dictionary<string, object?> { ["TAG"] = "T1", ["value"] = 2.0 });
                gateway.SendMessage("X", "testHandler", new Dictionary<string, object?> { ["anything"] = 1 });
                var built = new Dictionary<string, object?>();
                gateway.SendMessage("X", "record", built);
                var key = Console.ReadLine() ?? "tag";
                gateway.SendMessage("X", "record", new Dictionary<string, object?> { [key] = "T1" });
                """);
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task The_payload_type_of_a_referenced_manifest_is_checked()
    {
        var source = Sources.Send("""
                gateway.SendMessage("Lib", "reading", new Dictionary<string, object?> { ["tag"] = "T", ["value"] = 1.0 });
                await gateway.SendRequestAsync<int>("Lib", "sum", {|SWB0012:new Dictionary<string, object?> { ["left"] = 1, [{|SWB0012:"rigth"|}] = 2 }|});
                """);
        await Verifier.AnalyzerAsync(source, Sources.LibraryManifest);
    }

    [Fact]
    public async Task A_request_alls_dictionary_is_checked_against_the_handlers_of_its_scope()
    {
        // record's client handler takes a Reading, so the request-all to clients needs its Tag.
        var source = Sources.ProjectX + Sources.Send("""
                await gateway.RequestAllAsync<object>("X", "record", {|#0:new Dictionary<string, object?> { ["value"] = 1.5 }|}, scope: Scope.Client);
                """);
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.DictionaryPayloadKeys).WithLocation(0)
                .WithArguments("The dictionary has no key for 'Tag', a required property of 'Reading', the payload of handler 'record' in project 'X'"));
    }
}
