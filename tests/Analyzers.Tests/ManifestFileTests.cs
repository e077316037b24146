using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Rules;
using Switchboard.Analyzers.Tests.Support;

namespace Switchboard.Analyzers.Tests;

/// <summary>
/// Sends to a project built elsewhere, known only from its <c>*.switchboard.json</c> handler manifest among the
/// additional files: the same checks as for a project in source or in a referenced assembly.
/// </summary>
public sealed class ManifestFileTests
{
    private const string ManifestPath = "/bin/Plant.switchboard.json";

    private const string PlantManifest = """
        {
          "switchboardManifest": 1,
          "projects": [
            {
              "name": "Plant",
              "handlers": [
                { "name": "add", "scopes": ["Gateway"], "answersRequests": true, "payload": null,
                  "response": { "type": "int", "metadataName": "System.Int32" } },
                { "name": "order", "scopes": ["Gateway"], "answersRequests": false, "delivery": "Durable", "payload": null, "response": null },
                { "name": "reading", "scopes": ["Gateway", "Session"], "answersRequests": false,
                  "payload": { "type": "global::Plant.Reading", "metadataName": "Plant.Reading", "properties": [
                    { "name": "Line", "type": "string", "required": true },
                    { "name": "Value", "type": "double", "required": false } ] },
                  "response": null },
                { "name": "sample", "scopes": ["Gateway"], "answersRequests": false,
                  "payload": { "type": "global::Plant.Sample", "metadataName": "Plant.Sample", "properties": [
                    { "name": "Line", "type": "string", "required": true, "constructorParameter": true },
                    { "name": "Note", "type": "string?", "required": false } ] },
                  "response": null }
              ]
            }
          ]
        }
        """;

    [Fact]
    public async Task A_handler_the_manifest_does_not_have_is_SWB0001()
    {
        await VerifyAsync<UnknownHandlerNameAnalyzer>(Sources.Send("""
            gateway.SendMessage("Plant", {|#0:"readnig"|}, null, scope: "G", remoteServers: new[] { "plant-gw" });
            """),
            new DiagnosticResult(DiagnosticDescriptors.UnknownHandlerName).WithLocation(0)
                .WithArguments("Project 'Plant' declares no handler named 'readnig'; did you mean 'reading'?"));
    }

    [Fact]
    public async Task SendMessage_to_a_handler_the_manifest_marks_durable_is_SWB0021()
    {
        await VerifyAsync<DurableOutsideGatewayAnalyzer>(
            Sources.Send("""
                gateway.SendMessage("Plant", {|#0:"order"|}, null, scope: "G", remoteServers: new[] { "plant-gw" });
                await gateway.SendAsync("Plant", "order", null, Scope.Gateway, remoteServers: new[] { "plant-gw" });
                gateway.SendMessage("Plant", "reading", null, scope: "G", remoteServers: new[] { "plant-gw" });
                """),
            new DiagnosticResult(DiagnosticDescriptors.DurableOutsideGateway).WithLocation(0).WithArguments(
                "order",
                "it is a durable gateway handler of project 'Plant', and SendMessage returns before a durable queue could store it "
                + "(it throws InvalidOperationException where the sender's gateway has the project, and sends fire-and-forget where it does not)",
                "send it with SendAsync or the typed stub, which wait for the durable queue and report QUEUED"));
    }

    [Fact]
    public async Task Sends_to_handlers_the_manifest_has_are_not_reported()
    {
        var source = Sources.Send("""
            gateway.SendMessage("Plant", "reading", new Dictionary<string, object?> { ["line"] = "L1", ["VALUE"] = 2.0 }, scope: "GS", remoteServers: new[] { "plant-gw" });
            int sum = await gateway.SendRequestAsync<int>("Plant", "add", remoteServer: "plant-gw");
            """);
        await VerifyAsync<UnknownHandlerNameAnalyzer>(source);
        await VerifyAsync<UnknownProjectAnalyzer>(source);
        await VerifyAsync<ScopeWithoutHandlerAnalyzer>(source);
        await VerifyAsync<DictionaryPayloadKeysAnalyzer>(source);
        await VerifyAsync<UnreadableManifestAnalyzer>(source);
    }

    [Fact]
    public async Task A_scope_the_manifest_does_not_declare_the_handler_in_is_reported()
    {
        await VerifyAsync<ScopeWithoutHandlerAnalyzer>(Sources.Send("""
            gateway.SendMessage("Plant", "add", null, scope: {|#0:"CG"|}, remoteServers: new[] { "plant-gw" });
            """),
            new DiagnosticResult(DiagnosticDescriptors.ScopeWithoutHandler).WithLocation(0)
                .WithArguments("Handler 'add' of project 'Plant' is declared in scope Gateway, so the Client part of scope CG reaches nobody"));
    }

    [Fact]
    public async Task A_dictionary_is_checked_against_the_payload_shape_the_manifest_records()
    {
        await VerifyAsync<DictionaryPayloadKeysAnalyzer>(Sources.Send("""
            gateway.SendMessage("Plant", "reading", {|#1:new Dictionary<string, object?> { [{|#0:"valeu"|}] = 2.0 }|}, scope: "G", remoteServers: new[] { "plant-gw" });
            """),
            new DiagnosticResult(DiagnosticDescriptors.DictionaryPayloadKeys).WithLocation(0)
                .WithArguments("The key 'valeu' matches no property of 'Plant.Reading', the payload of handler 'reading' in project 'Plant'; did you mean 'Value'?"),
            new DiagnosticResult(DiagnosticDescriptors.DictionaryPayloadKeys).WithLocation(1)
                .WithArguments("The dictionary has no key for 'Line', a required property of 'Plant.Reading', the payload of handler 'reading' in project 'Plant'"));
    }

    [Fact]
    public async Task A_dictionary_without_a_constructor_parameter_the_manifest_records_is_reported_as_one()
    {
        await VerifyAsync<DictionaryPayloadKeysAnalyzer>(Sources.Send("""
            gateway.SendMessage("Plant", "sample", {|#0:new Dictionary<string, object?> { ["note"] = "n" }|}, scope: "G", remoteServers: new[] { "plant-gw" });
            """),
            new DiagnosticResult(DiagnosticDescriptors.DictionaryPayloadKeys).WithLocation(0)
                .WithArguments("The dictionary has no key for 'Line', a constructor parameter without a default of 'Plant.Sample', the payload of handler 'sample' in project 'Plant'"));
    }

    [Fact]
    public async Task A_dictionary_that_gives_the_constructor_parameter_in_any_case_is_not_reported()
    {
        await VerifyAsync<DictionaryPayloadKeysAnalyzer>(Sources.Send("""
            gateway.SendMessage("Plant", "sample", new Dictionary<string, object?> { ["line"] = "L1" }, scope: "G", remoteServers: new[] { "plant-gw" });
            """));
    }

    [Fact]
    public async Task A_project_in_source_wins_over_a_manifest_of_the_same_name()
    {
        await VerifyAsync<UnknownHandlerNameAnalyzer>(
            """
            [assembly: MessagingProject("Plant")]
            public static class Handlers
            {
                [MessageHandler("local")]
                public static void Local() { }
            }
            """ + Sources.Send("""gateway.SendMessage("Plant", {|SWB0001:"reading"|}, null, scope: "G");"""));
    }

    [Fact]
    public async Task A_manifest_that_cannot_be_read_is_SWB0020_and_adds_no_handlers()
    {
        var test = Test<UnreadableManifestAnalyzer>(Sources.Send("""gateway.SendMessage("Plant", "reading", null);"""), """{ "switchboardManifest": 2, "projects": [] }""");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.UnreadableManifest)
            .WithSpan(ManifestPath, 1, 1, 1, 1)
            .WithArguments(ManifestPath, "it has format version 2, and this Switchboard reads version 1; rebuild the project that wrote it with this Switchboard version"));
        await test.RunAsync();

        // Nothing is known, so nothing can be called unknown.
        await Test<UnknownProjectAnalyzer>(Sources.Send("""gateway.SendMessage("Plant", "reading", null);"""), "not json").RunAsync();
    }

    [Fact]
    public async Task Other_additional_files_are_not_manifests()
    {
        var test = Test<UnreadableManifestAnalyzer>(Sources.Send("""gateway.SendMessage("Plant", "reading", null);"""), PlantManifest);
        test.TestState.AdditionalFiles.Add(("/config/appsettings.json", "not a manifest"));
        await test.RunAsync();
    }

    private static Task VerifyAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = Test<TAnalyzer>(source, PlantManifest);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Test<TAnalyzer>(string source, string manifest)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferences.Net100 };
        test.TestState.Sources.Add(TestReferences.Usings + source);
        test.TestState.AdditionalReferences.Add(TestReferences.Switchboard);
        test.TestState.AdditionalFiles.Add((ManifestPath, manifest));
        return test;
    }
}
