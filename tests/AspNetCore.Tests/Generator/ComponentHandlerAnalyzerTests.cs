using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Switchboard.AspNetCore.Tests.Generator;

/// <summary>Component handler declarations are checked under the IDs of the same mistakes on message handlers.</summary>
public sealed class ComponentHandlerAnalyzerTests
{
    private static readonly MetadataReference[] References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray();

    [Fact]
    public async Task Each_mistake_is_reported_under_the_id_of_the_same_mistake_on_a_message_handler()
    {
        const string source = """
            using System.Threading.Tasks;
            using Switchboard.AspNetCore;
            public sealed class Gauge : MessagingComponentBase
            {
                [ComponentMessageHandler("ok", ListenScope.Page | ListenScope.Session)]
                private Task Fine(int level) => Task.CompletedTask;

                [ComponentMessageHandler(" ")]
                private void Blank() { }

                [ComponentMessageHandler("scoped", (ListenScope)8)]
                private void BadScope() { }

                [ComponentMessageHandler("two")]
                private void TwoPayloads(int a, int b) { }

                [ComponentMessageHandler("answer")]
                private int Answers() => 42;

                [ComponentMessageHandler("shared")]
                private static void Static() { }
            }
            public sealed class NotAComponent
            {
                [ComponentMessageHandler("lost")]
                public void Lost() { }
            }
            """;

        var diagnostics = await AnalyzeAsync(source);

        Assert.Equal(
            [
                ("SWB0003", "[ComponentMessageHandler(\"scoped\", (ListenScope)8)]"),
                ("SWB0005", "Answers"),
                ("SWB0005", "Static"),
                ("SWB0005", "TwoPayloads"),
                ("SWB0007", "Lost"),
                ("SWB0010", "[ComponentMessageHandler(\" \")]"),
            ],
            diagnostics.Select(d => (d.Id, Text(d))).Order().ToArray());
        Assert.Contains("takes at most one payload parameter", diagnostics.Single(d => Text(d) == "TwoPayloads").GetMessage(), StringComparison.Ordinal);
        Assert.Contains("MessagingComponentBase", diagnostics.Single(d => d.Id == "SWB0007").GetMessage(), StringComparison.Ordinal);
    }

    private static string Text(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan).Trim('[', ']') is var text && text.StartsWith("ComponentMessageHandler", StringComparison.Ordinal)
            ? "[" + text + "]"
            : text;

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source)
    {
        var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(
            Assembly.Load("Switchboard.Analyzers").GetType("Switchboard.Analyzers.Rules.ComponentHandlerAnalyzer", throwOnError: true)!)!;
        var compilation = CSharpCompilation.Create(
            "Hmi",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return await compilation.WithAnalyzers([analyzer]).GetAnalyzerDiagnosticsAsync();
    }
}
