using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Switchboard.Generators.Model;
using Switchboard.Generators.Tests.Support;
using Switchboard.Manifests;

namespace Switchboard.Generators.Tests;

/// <summary>
/// Handler manifests: the export of a compilation's handlers, and the typed stubs made from the
/// <c>*.switchboard.json</c> file of a project built elsewhere.
/// </summary>
public sealed class ManifestTests
{
    private const string Producer = """
        using System.Text.Json.Serialization;
        using Switchboard;
        [assembly: MessagingProject("Plant")]
        namespace Plant.Contracts;
        public sealed record Reading(string Line, double Value)
        {
            [JsonPropertyName("unit")]
            public string? Unit { get; init; }

            public required string Source { get; init; }

            [JsonIgnore]
            public int Internal { get; init; }
        }

        public static class Handlers
        {
            [MessageHandler("reading", Scope.Gateway | Scope.Session)]
            public static void OnReading(Reading reading) { }

            [MessageHandler("add")]
            public static int Add(System.Collections.Generic.IReadOnlyDictionary<string, object?> payload) => 1;

            [MessageHandler("ping", Scope.Client)]
            public static string Ping() => "pong";
        }
        """;

    private const string Consumer = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Switchboard;
        namespace Office;
        public static class Senders
        {
            public static async Task Send(IMessageSender sender)
            {
                await sender.SendReadingAsync(new Dictionary<string, object?> { ["line"] = "L1", ["value"] = 2.0, ["source"] = "s" }, remoteServers: ["plant-gw"]);
                int sum = await sender.RequestAddAsync(new Dictionary<string, object?>(), remoteServer: "plant-gw");
                await sender.SendPingAsync(remoteServers: ["plant-gw"]);
            }
        }
        """;

    [Fact]
    public void The_export_records_names_scopes_payload_shapes_and_responses()
    {
        var manifest = Export(GeneratorHarness.Run(GeneratorHarness.Compilation("Producer", Producer)));

        var project = Assert.Single(manifest.Projects);
        Assert.Equal("Plant", project.Name);
        Assert.Equal(["add", "ping", "reading"], project.Handlers.Select(handler => handler.Name));

        var add = project.Handlers[0];
        Assert.Equal(2, add.Scope);
        Assert.True(add.Payload!.IsDictionary);
        Assert.Equal("int", add.Response!.Name);
        Assert.Equal("System.Int32", add.Response.MetadataName);
        Assert.True(add.AnswersRequests);

        // A client handler's return value answers no request, only request-alls: with no gateway declaration, the
        // response is what the clients answer with.
        var ping = project.Handlers[1];
        Assert.Null(ping.Payload);
        Assert.Equal("string", ping.Response!.Name);
        Assert.False(ping.AnswersRequests);

        var reading = project.Handlers[2];
        Assert.Equal(6, reading.Scope);
        Assert.Equal("global::Plant.Contracts.Reading", reading.Payload!.Name);
        Assert.Equal("Plant.Contracts.Reading", reading.Payload.MetadataName);
        Assert.Equal(
            [
                // Line and Value are constructor parameters without a default, which the runtime requires.
                new ManifestProperty("Line", "string", true, ConstructorParameter: true),
                new ManifestProperty("Source", "string", true),
                new ManifestProperty("unit", "string?", false),
                new ManifestProperty("Value", "double", true, ConstructorParameter: true),
            ],
            reading.Payload.Properties!.OrderBy(property => property.Name, StringComparer.OrdinalIgnoreCase));
        Assert.Null(reading.Response);
    }

    [Fact]
    public void A_nullable_struct_payload_records_the_members_of_the_struct_as_the_analyzers_read_them()
    {
        // JSON reads a Reading? as a Reading, so a dictionary sent for it fills Line and Value, never Nullable's own
        // HasValue and Value. The analyzers list the same members (PayloadJsonMembers, shared with them).
        var manifest = Export(GeneratorHarness.Run(GeneratorHarness.Compilation("Producer", """
            using Switchboard;
            [assembly: MessagingProject("Plant")]
            namespace Plant;
            public readonly record struct Reading(string Line, double Value);
            public static class Handlers
            {
                [MessageHandler("reading")]
                public static void OnReading(Reading? reading) { }
            }
            """)));

        var reading = Assert.Single(Assert.Single(manifest.Projects).Handlers);
        Assert.Equal(
            [new ManifestProperty("Line", "string", false), new ManifestProperty("Value", "double", false)],
            reading.Payload!.Properties!.OrderBy(property => property.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void The_export_is_the_same_text_every_time()
    {
        var first = GeneratorHarness.Run(GeneratorHarness.Compilation("Producer", Producer)).Source(ExportHint);
        var second = GeneratorHarness.Run(GeneratorHarness.Compilation("Producer", Producer)).Source(ExportHint);

        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first);
    }

    [Fact]
    public void A_manifest_gives_typed_stubs_that_take_dictionaries_when_the_payload_type_is_not_available()
    {
        var run = RunConsumer(Consumer, ExportJson(Producer));

        var stubs = run.Source("PlantMessages.Stubs.g.cs");
        Assert.Contains("internal static partial class PlantMessages", stubs);
        Assert.Contains(
            "SendReadingAsync( this global::Switchboard.IMessageSender sender, global::System.Collections.Generic.IReadOnlyDictionary<string, object?> payload,",
            System.Text.RegularExpressions.Regex.Replace(stubs, @"\s+", " "));
        Assert.Contains("global::System.Threading.Tasks.Task<int> RequestAddAsync(", stubs);
        Assert.DoesNotContain("RequestPingAsync", stubs);
        Assert.DoesNotContain(run.Result.GeneratedSources, source => source.HintName.Contains("Registry", StringComparison.Ordinal));
        Assert.Empty(GeneratorHarness.BuildBreakingDiagnostics(run.Output, run.Result));
    }

    [Fact]
    public void A_durable_handler_in_a_manifest_gives_a_durable_field_and_stub_docs_that_say_so()
    {
        const string producer = """
            using Switchboard;
            [assembly: MessagingProject("Plant")]
            namespace Plant.Contracts;
            public static class Handlers
            {
                [MessageHandler("record", Delivery = DeliveryMode.Durable)]
                public static void Record(System.Collections.Generic.IReadOnlyDictionary<string, object?> payload) { }

                [MessageHandler("ping")]
                public static void Ping() { }
            }
            """;
        const string consumer = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Switchboard;
            namespace Office;
            public static class Senders
            {
                public static async Task Send(IMessageSender sender) =>
                    await sender.SendRecordAsync(new Dictionary<string, object?>(), remoteServers: ["plant-gw"]);
            }
            """;

        var run = RunConsumer(consumer, ExportJson(producer));

        var stubs = run.Source("PlantMessages.Stubs.g.cs");
        Assert.Contains("new(ProjectName, \"record\", global::Switchboard.Scope.Gateway, global::Switchboard.DeliveryMode.Durable);", stubs);
        Assert.Contains("new(ProjectName, \"ping\", global::Switchboard.Scope.Gateway);", stubs);
        Assert.Contains("/// Sends to <c>record</c> in durable mode (at least once)", stubs);
        Assert.Empty(GeneratorHarness.BuildBreakingDiagnostics(run.Output, run.Result));
    }

    [Fact]
    public void A_manifest_gives_stubs_that_take_the_payload_type_when_the_consumer_can_name_it()
    {
        const string contracts = """
            namespace Plant.Contracts;
            public sealed record Reading(string Line, double Value) { public required string Source { get; init; } }
            """;
        const string consumer = """
            using System.Threading.Tasks;
            using Plant.Contracts;
            using Switchboard;
            namespace Office;
            public static class Senders
            {
                public static Task Send(IMessageSender sender) =>
                    sender.SendReadingAsync(new Reading("L1", 2) { Source = "s" }, remoteServers: ["plant-gw"]).AsTask();
            }
            """;

        var run = RunConsumer(consumer, ExportJson(Producer), contracts);

        Assert.Contains("global::Plant.Contracts.Reading payload,", run.Source("PlantMessages.Stubs.g.cs"));
        Assert.Empty(GeneratorHarness.BuildBreakingDiagnostics(run.Output, run.Result));
    }

    [Fact]
    public void A_project_the_compilation_declares_itself_is_not_taken_from_a_manifest()
    {
        const string local = """
            using Switchboard;
            [assembly: MessagingProject("Plant")]
            namespace Office;
            public static class Handlers
            {
                [MessageHandler("local")]
                public static void Local() { }
            }
            """;

        var run = RunConsumer(local, ExportJson(Producer));

        Assert.Single(run.Result.GeneratedSources, source => source.HintName == "PlantMessages.Stubs.g.cs");
        Assert.DoesNotContain("SendReadingAsync", run.Source("PlantMessages.Stubs.g.cs"));
    }

    [Fact]
    public void An_unreadable_manifest_gives_no_stubs_and_no_generator_error()
    {
        var run = RunConsumer("namespace Office; public static class Nothing { }", "{ not json");

        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void Manifest_input_is_cached_across_unrelated_edits_and_a_changed_manifest_regenerates_its_stubs()
    {
        var manifest = new InMemoryText("Plant.switchboard.json", ExportJson(Producer));
        var compilation = GeneratorHarness.Compilation("Office", Consumer, "namespace Office; public static class Other { public static int One() => 1; }");
        var driver = Driver(manifest).RunGenerators(compilation);

        // An edit of unrelated code: the manifest is not read again, nothing is regenerated.
        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("namespace Office; public static class Other { public static int One() => 2; }", GeneratorHarness.ParseOptions, compilation.SyntaxTrees.Last().FilePath));
        driver = driver.RunGenerators(edited);
        var cached = driver.GetRunResult().Results.Single();
        foreach (var step in new[] { StepNames.ManifestFiles, StepNames.ManifestTypes, StepNames.ForeignProjects })
        {
            Assert.All(Outputs(cached, step), output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}"));
        }

        // The manifest loses a handler: the file is read again and the stubs no longer offer it.
        var trimmed = new InMemoryText("Plant.switchboard.json", ExportJson(Producer.Replace("[MessageHandler(\"ping\", Scope.Client)]", "")));
        driver = driver.ReplaceAdditionalText(manifest, trimmed).RunGenerators(edited);
        var changed = driver.GetRunResult().Results.Single();
        Assert.Contains(Outputs(changed, StepNames.ManifestFiles), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(Outputs(changed, StepNames.ForeignProjects), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.DoesNotContain("SendPingAsync", changed.GeneratedSources.Single(source => source.HintName == "PlantMessages.Stubs.g.cs").SourceText.ToString());
    }

    [Fact]
    public void The_manifest_models_hold_no_symbol_or_compilation()
    {
        var manifest = new InMemoryText("Plant.switchboard.json", ExportJson(Producer));
        var result = Driver(manifest).RunGenerators(GeneratorHarness.Compilation("Office", Consumer)).GetRunResult().Results.Single();

        var file = Assert.IsType<ManifestFileSpec>(Assert.Single(Outputs(result, StepNames.ManifestFiles)).Value);
        Assert.Equal(3, file.Entries.Count);
        Assert.IsType<EquatableArray<string>>(Assert.Single(Outputs(result, StepNames.ManifestTypes)).Value);
        Assert.All(Outputs(result, StepNames.ForeignProjects), output => Assert.IsType<ProjectSpec>(output.Value));
    }

    [Fact]
    public void The_json_reads_back_what_was_written()
    {
        var manifest = new HandlerManifest(
        [
            new ManifestProject("P \"quoted\" /*x*/", [new ManifestHandler("h/1", 7, new ManifestType("global::A.B", "A.B", false, [new ManifestProperty("x", "int", true), new ManifestProperty("y", "int", true, ConstructorParameter: true)]), null)]),
            new ManifestProject("Q", []),
            new ManifestProject("R", [new ManifestHandler("durable", 2, null, null, IsDurable: true)]),
        ]);

        var text = ManifestJson.Write(manifest);
        var read = ManifestJson.Read(text, out var error);

        Assert.Null(error);
        Assert.DoesNotContain("*/", text);
        Assert.Equal(3, read!.Projects.Count);
        Assert.Equal("P \"quoted\" /*x*/", read.Projects[0].Name);
        var handler = Assert.Single(read.Projects[0].Handlers);
        Assert.Equal(("h/1", 7), (handler.Name, handler.Scope));
        Assert.Equal([new ManifestProperty("x", "int", true), new ManifestProperty("y", "int", true, ConstructorParameter: true)], handler.Payload!.Properties!);
        Assert.Empty(read.Projects[1].Handlers);
        Assert.False(handler.IsDurable);
        Assert.True(Assert.Single(read.Projects[2].Handlers).IsDurable);
    }

    [Theory]
    [InlineData("{ \"switchboardManifest\": 1, \"projects\": [", "it is not valid JSON: the file ends before a value (line 1)")]
    [InlineData("[]", "the file is not a JSON object")]
    [InlineData("{ \"projects\": [] }", "the property \"switchboardManifest\" (the format version) is missing")]
    [InlineData("{ \"switchboardManifest\": 2, \"projects\": [] }", "it has format version 2, and this Switchboard reads version 1; rebuild the project that wrote it with this Switchboard version")]
    [InlineData("{ \"switchboardManifest\": 1, \"projects\": [{ \"name\": \"P\", \"handlers\": [{ \"name\": \"h\", \"scopes\": [\"Everywhere\"] }] }] }", "the scope \"Everywhere\" of handler \"h\" is not Client, Gateway or Session")]
    [InlineData("{ \"switchboardManifest\": 1, \"projects\": [{ \"name\": \" \", \"handlers\": [] }] }", "the property \"name\" is missing or not a non-blank string")]
    [InlineData("{ \"switchboardManifest\": 1, \"projects\": [{ \"name\": \"P\", \"handlers\": [{ \"name\": \"h\", \"scopes\": [\"Gateway\"], \"delivery\": \"Twice\" }] }] }", "the delivery \"Twice\" of handler \"h\" is not Durable or FireAndForget")]
    public void A_file_that_is_not_a_manifest_says_why(string text, string expected)
    {
        Assert.Null(ManifestJson.Read(text, out var error));
        Assert.Equal(expected, error);
    }

    private const string ExportHint = "Switchboard.Manifest.g.cs";

    private static HandlerManifest Export(GeneratorRun run) => ManifestJson.Read(JsonOf(run.Source(ExportHint)), out _)!;

    private static string ExportJson(string producer) =>
        JsonOf(GeneratorHarness.Run(GeneratorHarness.Compilation("Producer", producer)).Source(ExportHint));

    /// <summary>What the build targets cut out of the generated file.</summary>
    private static string JsonOf(string generated)
    {
        var start = generated.IndexOf("/*switchboard-manifest", StringComparison.Ordinal) + "/*switchboard-manifest".Length;
        var end = generated.LastIndexOf("switchboard-manifest*/", StringComparison.Ordinal);
        return generated[start..end].Trim();
    }

    private static GeneratorRun RunConsumer(string source, string manifestJson, params string[] more)
    {
        var compilation = GeneratorHarness.Compilation("Office", [source, .. more]);
        var driver = Driver(new InMemoryText("/src/Plant/bin/Plant.switchboard.json", manifestJson))
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(diagnostics);
        return new GeneratorRun(driver, output, result);
    }

    private static GeneratorDriver Driver(params AdditionalText[] files) => GeneratorHarness.Driver("Office", files);

    private static IReadOnlyList<IncrementalStepRunReasonAndValue> Outputs(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(run => run.Outputs).Select(output => new IncrementalStepRunReasonAndValue(output.Value, output.Reason)).ToList();

    private sealed record IncrementalStepRunReasonAndValue(object Value, IncrementalStepRunReason Reason);
}
