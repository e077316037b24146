using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Rules;
using Switchboard.Analyzers.Tests.Support;
using Switchboard.Generators;

namespace Switchboard.Analyzers.Tests;

/// <summary>
/// The analyzers read the manifest the real generator writes, from a compiled assembly (a metadata reference), so the
/// two cannot drift apart unnoticed.
/// </summary>
public sealed class GeneratedManifestTests
{
    private const string Library = """
        #nullable enable
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Switchboard;

        [assembly: MessagingProject("Plant")]

        namespace Plant;

        public sealed record Reading(string Tag, double Value);

        public static class Handlers
        {
            [MessageHandler("reading", Scope.Gateway | Scope.Client)]
            public static void OnReading(Reading reading) { }

            [MessageHandler("average")]
            public static Task<double> AverageAsync(Reading reading) => Task.FromResult(reading.Value);

            [MessageHandler("alarm", Scope.Session)]
            public static void OnAlarm(IReadOnlyDictionary<string, object?> payload, Session session) { }

            [MessageHandler("order", Delivery = DeliveryMode.Durable)]
            public static void OnOrder() { }
        }
        """;

    [Fact]
    public async Task Names_scopes_payloads_responses_and_durability_come_from_the_generated_manifest_of_a_compiled_assembly()
    {
        var plant = await CompileWithGeneratorAsync();
        var source = Sources.Send("""
                gateway.SendMessage("Plant", "reading", new Dictionary<string, object?> { ["tag"] = "T1", ["value"] = 1.0 }, scope: "CG");
                await gateway.SendRequestAsync<double>("Plant", "average", new Dictionary<string, object?> { ["tag"] = "T1", ["value"] = 2.0 });
                gateway.SendMessage("Plant", {|SWB0001:"raeding"|});
                gateway.SendMessage({|SWB0002:"Plnat"|}, "reading");
                gateway.SendMessage("Plant", "alarm", scope: {|SWB0004:"CS"|});
                await gateway.SendRequestAsync("Plant", {|SWB0009:"reading"|});
                await gateway.SendRequestAsync<double>("Plant", "average", {|SWB0012:new Dictionary<string, object?> { [{|SWB0012:"tga"|}] = "T1", ["value"] = 2.0 }|});
                await gateway.SendAsync("Plant", "reading", {|SWB0017:"T1=2.0"|}, scope: Scope.Gateway);
                gateway.SendMessage("Plant", "reading", new Dictionary<string, object?> { ["tag"] = "T1", ["value"] = {|SWB0018:"2.0"|} }, scope: "G");
                await gateway.SendRequestAsync<{|SWB0019:float|}>("Plant", "average", new Plant.Reading("T1", 2.0));
                gateway.SendMessage("Plant", {|SWB0021:"order"|}, scope: "G");
                await gateway.SendAsync("Plant", "order", scope: Scope.Gateway);
                """);
        var test = new SendRulesTest { ReferenceAssemblies = TestReferences.Net100 };
        test.TestState.Sources.Add(TestReferences.Usings + source);
        test.TestState.AdditionalReferences.Add(TestReferences.Switchboard);
        test.TestState.AdditionalReferences.Add(plant);
        await test.RunAsync();
    }

    /// <summary>The rules that read a referenced manifest, run together over one source.</summary>
    private sealed class SendRulesTest : CSharpAnalyzerTest<UnknownHandlerNameAnalyzer, DefaultVerifier>
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
        [
            new UnknownHandlerNameAnalyzer(),
            new UnknownProjectAnalyzer(),
            new ScopeWithoutHandlerAnalyzer(),
            new RequestTargetAnalyzer(),
            new DictionaryPayloadKeysAnalyzer(),
            new PayloadTypeAnalyzer(),
            new DictionaryValueTypeAnalyzer(),
            new ResponseTypeAnalyzer(),
            new DurableOutsideGatewayAnalyzer(),
        ];
    }

    private static async Task<MetadataReference> CompileWithGeneratorAsync()
    {
        var compilation = await TestReferences.CompileAsync("Plant", Library);
        CSharpGeneratorDriver.Create(new MessageHandlerGenerator())
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        using var image = new MemoryStream();
        var emitted = generated.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        Assert.Contains(
            generated.Assembly.GetAttributes(),
            attribute => attribute.AttributeClass?.Name == "MessageHandlerManifestAttribute");
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
