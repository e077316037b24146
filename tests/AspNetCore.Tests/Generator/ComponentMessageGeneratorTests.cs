using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Switchboard.Generators;

namespace Switchboard.AspNetCore.Tests.Generator;

/// <summary>The typed stubs for component message handlers: what is written, that it compiles, and that it stays cached.</summary>
public sealed class ComponentMessageGeneratorTests
{
    private const string Components = """
        using System.Threading.Tasks;
        using Switchboard.AspNetCore;
        namespace Hmi.Components;
        public sealed record Reading(double Percent);
        public sealed class Gauge : MessagingComponentBase
        {
            [ComponentMessageHandler("tankLevel", ListenScope.Session)]
            private void OnLevel(Reading reading) { }

            [ComponentMessageHandler("refresh")]
            [ComponentMessageHandler("zoom", ListenScope.View)]
            private Task OnRefresh() => Task.CompletedTask;

            [ComponentMessageHandler("mode")]
            private void OnMode(string mode) { }
        }
        public sealed class Trend : MessagingComponentBase
        {
            [ComponentMessageHandler("tankLevel", ListenScope.Page | ListenScope.Session)]
            private ValueTask OnLevel(Reading reading) => default;

            [ComponentMessageHandler("refresh")]
            private void OnRefresh(string why) { }

            [ComponentMessageHandler("mode")]
            private void OnMode(int mode) { }

            // Invalid shapes are skipped here; they fail when the component is created.
            [ComponentMessageHandler("bad")]
            private int TwoPayloads(int a, int b) => a + b;

            [ComponentMessageHandler("")]
            private void Unnamed() { }
        }
        """;

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    // The running test's own framework (.NET and ASP.NET Core) plus Switchboard and Switchboard.AspNetCore.
    private static readonly MetadataReference[] References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray();

    [Fact]
    public void Each_message_type_gets_a_constant_and_typed_stubs_that_compile()
    {
        var (driver, output) = Run(Components);

        var source = Assert.Single(driver.GetRunResult().Results.Single().GeneratedSources);
        Assert.Equal("ComponentMessages.g.cs", source.HintName);
        // Compared with whitespace collapsed: the layout is the emitter's business, the signatures are the subject.
        var text = System.Text.RegularExpressions.Regex.Replace(source.SourceText.ToString(), @"\s+", " ");
        Assert.Contains("namespace Hmi", text, StringComparison.Ordinal);
        Assert.Contains("public const string TankLevel = \"tankLevel\";", text, StringComparison.Ordinal);
        // Both tankLevel handlers take Reading, one listens on Page: the stub takes a Reading and defaults to Page.
        Assert.Contains("SendTankLevelToComponentsAsync( this global::Switchboard.AspNetCore.BrowserSession browser, global::Hmi.Components.Reading payload, global::Switchboard.AspNetCore.ListenScope scope = global::Switchboard.AspNetCore.ListenScope.Page,", text, StringComparison.Ordinal);
        // A handler without a payload ignores it: refresh's stub takes the string the other handler wants.
        Assert.Contains("SendRefreshToComponentsAsync( this global::Switchboard.AspNetCore.BrowserSession browser, string payload,", text, StringComparison.Ordinal);
        // mode's handlers disagree (string and int): the payload is object?, converted per handler at run time.
        Assert.Contains("SendModeToComponentsAsync( this global::Switchboard.AspNetCore.BrowserSession browser, object? payload,", text, StringComparison.Ordinal);
        // zoom listens on View only: that is its default.
        Assert.Contains("ListenScope scope = global::Switchboard.AspNetCore.ListenScope.View,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"bad\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"\"", text, StringComparison.Ordinal);

        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true));
        Assert.Empty(errors);
    }

    [Fact]
    public void The_stubs_are_usable_from_a_session_handler()
    {
        var (_, output) = Run(Components, """
            using System.Threading.Tasks;
            using Hmi;
            using Hmi.Components;
            namespace Hmi.Handlers;
            public static class Forward
            {
                public static async Task OnLevel(Switchboard.Session session, Reading reading) =>
                    await session.SendTankLevelToComponentsAsync(reading);
            }
            """);

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_payload_type_the_stub_cannot_name_makes_it_take_object_and_uncalled_methods_get_no_stub()
    {
        var (driver, output) = Run("""
            using System.Threading.Tasks;
            using Switchboard.AspNetCore;
            namespace Hmi.Components;
            public sealed class Grid<TItem> : MessagingComponentBase
            {
                [ComponentMessageHandler("select")]
                private void OnSelect(TItem item) { }
            }
            public sealed class Secret : MessagingComponentBase
            {
                private sealed record Hidden(int Value);

                [ComponentMessageHandler("hidden")]
                private void OnHidden(Hidden hidden) { }

                // The component never calls these (SWB0007, SWB0005), so they get no stub.
                [ComponentMessageHandler("static")]
                private static void OnStatic() { }

                [ComponentMessageHandler("asyncVoid")]
                private async void OnAsyncVoid() => await Task.Yield();

                [ComponentMessageHandler("  ")]
                private void OnBlank() { }
            }
            """);

        var text = System.Text.RegularExpressions.Regex.Replace(driver.GetRunResult().Results.Single().GeneratedSources.Single().SourceText.ToString(), @"\s+", " ");
        Assert.Contains("SendSelectToComponentsAsync( this global::Switchboard.AspNetCore.BrowserSession browser, object? payload,", text, StringComparison.Ordinal);
        Assert.Contains("SendHiddenToComponentsAsync( this global::Switchboard.AspNetCore.BrowserSession browser, object? payload,", text, StringComparison.Ordinal);
        foreach (var skipped in new[] { "\"static\"", "\"asyncVoid\"", "\"  \"" })
        {
            Assert.DoesNotContain(skipped, text, StringComparison.Ordinal);
        }

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_compilation_without_component_handlers_gets_no_file()
    {
        var (driver, _) = Run("namespace Hmi; public static class Nothing { }");

        Assert.Empty(driver.GetRunResult().Results.Single().GeneratedSources);
    }

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached()
    {
        var compilation = Compilation(Components, "namespace Hmi; public static class Other { }");
        var (driver, _) = Run(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("namespace Hmi; public static class Other { public static int X => 1; }", Parse));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in new[] { ComponentStepNames.ComponentHandlers, ComponentStepNames.ComponentNamespace, ComponentStepNames.ComponentMessages })
        {
            Assert.All(
                result.TrackedSteps[step].SelectMany(run => run.Outputs),
                output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}"));
        }
    }

    private static (GeneratorDriver Driver, Compilation Output) Run(params string[] sources) => Run(Compilation(sources));

    private static (GeneratorDriver Driver, Compilation Output) Run(CSharpCompilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new ComponentMessageGenerator().AsSourceGenerator()],
            parseOptions: Parse,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Null(driver.GetRunResult().Results.Single().Exception);
        return (driver, output);
    }

    private static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Hmi",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, Parse, path: $"Source{index}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
