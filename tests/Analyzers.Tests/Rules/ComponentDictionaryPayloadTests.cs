using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.CodeFixes;
using Switchboard.Analyzers.Rules;
using Switchboard.Analyzers.Tests.Support;

namespace Switchboard.Analyzers.Tests.Rules;

/// <summary>
/// A dictionary literal sent as a component message's payload is checked by the rules that check dictionaries sent to
/// typed handlers (SWB0012 keys, SWB0018 values), as the component path converts it: with
/// <c>JsonSerializerDefaults.Web</c>, which matches keys ignoring case, skips a key that matches nothing, leaves a
/// constructor parameter at its default and reads numbers from strings. Reported is only what throws for the sender
/// (a missing required property, a value that cannot be read) or what no handler the send reaches ever reads.
/// </summary>
public sealed class ComponentDictionaryPayloadTests
{
    private const string Components = """
        public sealed class Level
        {
            public required string Tank { get; init; }
            public double Value { get; init; }
        }

        public sealed class Sample
        {
            public int Count { get; init; }
        }

        public sealed record Zoom(double Factor, string Unit);

        public sealed class Gauge : MessagingComponentBase
        {
            [ComponentMessageHandler("level")]
            private void OnLevel(Level level) { }

            [ComponentMessageHandler("zoom")]
            private void OnZoom(Zoom zoom) { }

            [ComponentMessageHandler("alarm", ListenScope.Session)]
            private void OnAlarm(IReadOnlyDictionary<string, object?> alarm) { }

            [ComponentMessageHandler("note", ListenScope.Page)]
            private void OnNote(Sample sample) { }

            [ComponentMessageHandler("note", ListenScope.Session)]
            private void OnAnyNote(IReadOnlyDictionary<string, object?> note) { }
        }

        public sealed class Trend : MessagingComponentBase
        {
            [ComponentMessageHandler("level")]
            private void OnLevel(Sample sample) { }
        }

        """;

    [Fact]
    public async Task A_key_no_reached_payload_reads_and_a_missing_required_property_are_SWB0012()
    {
        var source = Components + Send("""
            await browser.SendComponentMessageAsync("level", new Dictionary<string, object?> { ["tank"] = "T1", [{|#0:"valeu"|}] = 2.0 });
            await browser.SendComponentMessageAsync("level", {|#1:new Dictionary<string, object?> { ["value"] = 2.0 }|});
            await browser.SendComponentMessageAsync("note", new Dictionary<string, object?> { [{|#2:"cuont"|}] = 1 }, ListenScope.Page);
            """);
        await ComponentVerify<DictionaryPayloadKeysAnalyzer>.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.DictionaryPayloadKeys).WithLocation(0).WithArguments(
                "The key 'valeu' matches no property of 'Level' or 'Sample', the payloads of the component handlers for message 'level', "
                + "which skips it, so its value is lost; did you mean 'Value'?"),
            new DiagnosticResult(DiagnosticDescriptors.DictionaryPayloadKeys).WithLocation(1).WithArguments(
                "The dictionary has no key for 'Tank', a required property of 'Level', the payload of component handler 'Gauge.OnLevel' for message 'level'"),
            new DiagnosticResult(DiagnosticDescriptors.DictionaryPayloadKeys).WithLocation(2).WithArguments(
                "The key 'cuont' matches no property of 'Sample', the payload of component handler 'Gauge.OnNote' for message 'note', "
                + "which skips it, so its value is lost; did you mean 'Count'?"));
    }

    [Fact]
    public async Task Keys_another_reached_payload_reads_and_constructor_parameters_left_out_are_not_SWB0012()
    {
        // "count" is read by Trend's Sample; the web defaults leave Zoom's Unit at null; a payload taken as a
        // dictionary reads every key; the note on session scope reaches such a handler; keys match ignoring case.
        var source = Components + Send("""
            await browser.SendComponentMessageAsync("level", new Dictionary<string, object?> { ["TANK"] = "T1", ["value"] = 2.0, ["count"] = 3 });
            await browser.SendComponentMessageAsync("zoom", new Dictionary<string, object?> { ["factor"] = 2.0 });
            await browser.SendComponentMessageAsync("alarm", new Dictionary<string, object?> { ["anything"] = 1 }, ListenScope.Session);
            await browser.SendComponentMessageAsync("note", new Dictionary<string, object?> { ["anything"] = 1 }, ListenScope.Session);
            await browser.SendComponentMessageAsync(typed, new Dictionary<string, object?> { ["anything"] = 1 });
            """);
        await ComponentVerify<DictionaryPayloadKeysAnalyzer>.AnalyzerAsync(source);
    }

    [Fact]
    public async Task The_missing_required_key_of_a_component_payload_is_added_by_the_code_fix()
    {
        var source = Components + Send("""
            await browser.SendComponentMessageAsync("level", {|SWB0012:new Dictionary<string, object?> { ["value"] = 2.0 }|});
            """);
        var fixedSource = Components + Send("""
            await browser.SendComponentMessageAsync("level", new Dictionary<string, object?> { ["value"] = 2.0, ["Tank"] = "" });
            """);
        await ComponentVerify<DictionaryPayloadKeysAnalyzer>.CodeFixAsync<MissingKeysCodeFixProvider>(source, fixedSource);
    }

    [Fact]
    public async Task A_value_the_web_defaults_can_never_read_is_SWB0018()
    {
        var source = Components + Send("""
            await browser.SendComponentMessageAsync("level", new Dictionary<string, object?>
            {
                ["tank"] = {|#0:5|},
                ["value"] = {|#1:"high"|},
                ["count"] = {|#2:null|},
            });
            """);
        await ComponentVerify<DictionaryValueTypeAnalyzer>.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.DictionaryValueType).WithLocation(0).WithArguments(
                "tank", "int", "string", "Level.Tank", "component handler 'Gauge.OnLevel' for message 'level'",
                "it is written as a JSON number, and the property reads a JSON string or null"),
            new DiagnosticResult(DiagnosticDescriptors.DictionaryValueType).WithLocation(1).WithArguments(
                "value", "string", "double", "Level.Value", "component handler 'Gauge.OnLevel' for message 'level'",
                "it is not a number, and the property reads numbers from strings only when they are numbers"),
            new DiagnosticResult(DiagnosticDescriptors.DictionaryValueType).WithLocation(2).WithArguments(
                "count", "null", "int", "Sample.Count", "component handler 'Trend.OnLevel' for message 'level'",
                "it is written as a JSON null, and the property reads a JSON string or number"));
    }

    [Fact]
    public async Task Numbers_in_strings_and_null_for_a_reference_are_not_SWB0018()
    {
        // The web defaults read a number from a string that holds one, and do not refuse null for a non-nullable string.
        var source = Components + Send("""
            await browser.SendComponentMessageAsync("level", new Dictionary<string, object?> { ["tank"] = null, ["value"] = "2.5", ["count"] = "3" });
            await browser.SendComponentMessageAsync("zoom", new Dictionary<string, object?> { ["factor"] = "1e3", ["unit"] = "%" });
            """);
        await ComponentVerify<DictionaryValueTypeAnalyzer>.AnalyzerAsync(source);
    }

    private static string Send(string statements) => $$"""
        public static class Sender
        {
            public static async Task RunAsync(BrowserSession browser, string typed)
            {
                {{statements}}
            }
        }

        """;
}
