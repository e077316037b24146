using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.PayloadJsonMetadataAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class PayloadJsonMetadataTests
{
    private const string Describable = """
        using System.Text.Json.Serialization;

        public enum Mode { Auto, Manual }

        public sealed record Operator(string Name, int Badge);

        public sealed record Update(string Line, Mode Mode, double? Limit, List<string> Tags, IReadOnlyDictionary<string, int> Counts, Operator[] Crew)
        {
            [JsonPropertyName("serial")]
            public required string Serial { get; init; }

            [JsonIgnore]
            public object? Scratch { get; init; }
        }

        public sealed class Settings
        {
            public int Size { get; set; }

            public HashSet<Guid> Ids { get; set; } = [];
        }

        public static class Handlers
        {
            [MessageHandler("update")]
            public static Settings OnUpdate(Update update) => new();

            [MessageHandler("plain")]
            public static int Plain(IReadOnlyDictionary<string, object?> payload) => 1;
        }

        """;

    [Fact]
    public async Task Records_classes_enums_nullables_collections_and_dictionaries_keyed_by_string_are_not_reported()
    {
        await Verifier.AnalyzerAsync(Describable);
    }

    [Fact]
    public async Task An_interface_member_is_reported_on_the_payload_parameter_naming_the_member()
    {
        var source = """
            public interface IShape { }

            public sealed record Drawing(string Name, IShape Shape);

            public static class Handlers
            {
                [MessageHandler("draw")]
                public static void Draw({|#0:Drawing drawing|}) { }
            }

            """;
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.PayloadJsonMetadata).WithLocation(0).WithMessage(
                "Handler 'draw' takes 'Drawing', but the generator cannot describe it as JSON metadata: Drawing.Shape is a IShape: an interface or abstract class "
                + "cannot be created from JSON without knowing the concrete type. Converting it needs reflection, which native AOT and trimmed applications do not have; "
                + "change the type, or list it in a JsonSerializerContext set as PayloadJson.TypeInfoResolver."));
    }

    [Fact]
    public async Task A_response_with_a_non_string_dictionary_key_is_reported_on_the_return_type()
    {
        var source = """
            public sealed record Totals(Dictionary<int, double> ByLine);

            public static class Handlers
            {
                [MessageHandler("totals")]
                public static {|#0:Task<Totals>|} Totals() => Task.FromResult(new Totals([]));
            }

            """;
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.PayloadJsonMetadata).WithLocation(0).WithArguments(
                "totals", "answers with", "Totals", "Totals.ByLine is a dictionary keyed by a int; the generated JSON metadata describes dictionaries keyed by string"));
    }

    [Theory]
    [InlineData(
        "public sealed class P { public string Note { get; init; } = \"\"; }",
        "P.Note is init-only, not required and not a constructor parameter, so the generated JSON metadata cannot set it without losing its initial value; make it required, settable or a constructor parameter")]
    [InlineData(
        "public sealed class P { public P(int a) { } public P(string b) { } public int A { get; set; } }",
        "P has several public constructors and none is marked [JsonConstructor], so JSON cannot choose one")]
    [InlineData(
        "public sealed class P { public P(int missing) { } public int A { get; set; } }",
        "P's constructor parameter 'missing' matches no public property, so JSON cannot fill it; name it after the property it sets")]
    [InlineData(
        "[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))] public sealed class P { }",
        "P has [JsonConverter], which the generated JSON metadata does not honour")]
    [InlineData(
        "public sealed class P { public System.Collections.Concurrent.ConcurrentBag<int> Bag { get; set; } = []; }",
        "P.Bag is a ConcurrentBag<int>, a collection the generated JSON metadata does not describe; use an array, List<T>, HashSet<T> or Dictionary<string, T>")]
    [InlineData(
        "public sealed class P { public int[,] Grid { get; set; } = new int[0, 0]; }",
        "P.Grid is a multi-dimensional array, which JSON cannot describe; use an array of arrays or a list")]
    public async Task Each_shape_the_generator_cannot_describe_is_reported_with_its_reason(string declaration, string reason)
    {
        var source = declaration + """


            public static class Handlers
            {
                [MessageHandler("p")]
                public static void OnP({|#0:P payload|}) { }
            }

            """;
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.PayloadJsonMetadata).WithLocation(0).WithArguments("p", "takes", "P", reason));
    }

    [Fact]
    public async Task The_generator_emits_metadata_exactly_for_the_types_the_rule_does_not_report()
    {
        var described = await GeneratorOutput.RunAsync("App", Describable);
        var metadata = described.Source("SwitchboardJsonMetadata.g.cs");
        foreach (var type in new[] { "global::Update", "global::Operator", "global::Mode", "global::Settings", "global::Operator[]", "double?" })
        {
            Assert.Contains($"if (type == typeof({type}))", metadata, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Scratch", metadata, StringComparison.Ordinal);

        var undescribable = await GeneratorOutput.RunAsync("App", """
            public interface IShape { }

            public sealed record Drawing(string Name, IShape Shape);

            public static class Handlers
            {
                [MessageHandler("draw")]
                public static void Draw(Drawing drawing) { }
            }

            """);
        Assert.DoesNotContain(undescribable.Sources, source => source.HintName == "SwitchboardJsonMetadata.g.cs");
    }
}
