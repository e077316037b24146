using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Switchboard.Generators.Model;
using Switchboard.Generators.Tests.Support;

namespace Switchboard.Generators.Tests;

/// <summary>The pipeline caches: edits that change no handler regenerate nothing, and a rename regenerates only its project.</summary>
public sealed class IncrementalTests
{
    private const string ProjectXHandlers = """
        using Switchboard;
        [assembly: MessagingProject("X")]
        namespace App;
        public sealed record Reading(string Tag, double Value);
        public static class XHandlers
        {
            [MessageHandler("tankLevel")]
            public static void TankLevel(Reading payload) { }

            [MessageHandler("pumpStarted", Scope.Client)]
            public static void PumpStarted() { }
        }
        """;

    private const string ProjectYHandlers = """
        using Switchboard;
        namespace App;
        public static class YHandlers
        {
            [MessageHandler("alarm", Scope.Session, Project = "Y")]
            public static int Alarm(MessageContext context) => 1;
        }
        """;

    private const string Unrelated = """
        namespace App;
        public static class Arithmetic
        {
            public static int One() => 1;
        }
        """;

    private static readonly string[] PipelineSteps =
        [StepNames.Handlers, StepNames.ValidHandlers, StepNames.Assembly, StepNames.RootNamespace, StepNames.Settings, StepNames.Projects,
         StepNames.JsonTypes, StepNames.JsonMetadata];

    [Fact]
    public void An_unrelated_edit_leaves_every_step_and_output_cached_or_unchanged()
    {
        var (compilation, driver) = FirstRun();

        var edited = Replace(compilation, 2, Unrelated.Replace("=> 1;", "=> 2;\n    public static int Two() => 2;"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(result);
    }

    [Fact]
    public void Editing_a_handler_body_leaves_every_step_and_output_cached_or_unchanged()
    {
        var (compilation, driver) = FirstRun();

        var edited = Replace(compilation, 0, ProjectXHandlers.Replace("public static void PumpStarted() { }", "public static void PumpStarted() { System.Console.WriteLine(); }"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(result);
    }

    [Fact]
    public void Renaming_a_handler_regenerates_its_project_only()
    {
        var (compilation, driver) = FirstRun();
        var before = driver.GetRunResult().Results.Single();

        var edited = Replace(compilation, 0, ProjectXHandlers.Replace("\"tankLevel\"", "\"tankLevelChanged\""));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // Parsing: only the renamed handler changed; the rest of its file is unchanged, the other file cached.
        var parsed = Outputs(result, StepNames.Handlers);
        var modified = Assert.Single(parsed, output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal("tankLevelChanged", Assert.IsType<HandlerSpec>(modified.Value).Name);
        Assert.All(parsed.Where(output => output.Reason != IncrementalStepRunReason.Modified), output =>
            Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));

        // Planning: project X changed, project Y is unchanged.
        var projects = Outputs(result, StepNames.Projects).ToDictionary(output => ((ProjectSpec)output.Value).ProjectName, output => output.Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, projects["X"]);
        Assert.Equal(IncrementalStepRunReason.Unchanged, projects["Y"]);

        // Output: Y's files are the same text; X's stubs now name the new handler.
        Assert.Equal(Text(before, "YMessages.Registry.g.cs"), Text(result, "YMessages.Registry.g.cs"));
        Assert.Equal(Text(before, "YMessages.Stubs.g.cs"), Text(result, "YMessages.Stubs.g.cs"));

        // The payload types did not change, so neither does their JSON metadata.
        Assert.Contains(Assert.Single(Outputs(result, StepNames.JsonMetadata)).Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });
        Assert.Equal(Text(before, "SwitchboardJsonMetadata.g.cs"), Text(result, "SwitchboardJsonMetadata.g.cs"));
        Assert.Contains("SendTankLevelChangedAsync", Text(result, "XMessages.Stubs.g.cs"));
        Assert.DoesNotContain("SendTankLevelAsync", Text(result, "XMessages.Stubs.g.cs"));
        var sourceOutputs = result.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs).ToList();
        Assert.Contains(sourceOutputs, output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(sourceOutputs, output => output.Reason == IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void The_same_source_twice_gives_equal_models()
    {
        var first = GeneratorHarness.Run(GeneratorHarness.Compilation("Sample", ProjectXHandlers, ProjectYHandlers)).Result;
        var second = GeneratorHarness.Run(GeneratorHarness.Compilation("Sample", ProjectXHandlers, ProjectYHandlers)).Result;

        foreach (var step in PipelineSteps)
        {
            var left = Outputs(first, step).Select(output => output.Value).ToList();
            var right = Outputs(second, step).Select(output => output.Value).ToList();
            Assert.NotEmpty(left);
            Assert.Equal(left, right);
            Assert.Equal(left.Select(value => value?.GetHashCode()), right.Select(value => value?.GetHashCode()));
        }

        var firstProject = Outputs(first, StepNames.Projects).First().Value;
        Assert.NotSame(firstProject, Outputs(second, StepNames.Projects).First().Value);
    }

    private static (Compilation Compilation, GeneratorDriver Driver) FirstRun()
    {
        var compilation = GeneratorHarness.Compilation("Sample", ProjectXHandlers, ProjectYHandlers, Unrelated);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        // Per project: stubs, registry and manifest attributes; once: the JSON metadata of the payload types and the
        // compilation's exported manifest.
        Assert.Equal(8, driver.GetRunResult().Results.Single().GeneratedSources.Length);
        return (compilation, driver);
    }

    private static Compilation Replace(Compilation compilation, int index, string source)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, old.FilePath));
    }

    private static void AssertAllCachedOrUnchanged(GeneratorRunResult result)
    {
        foreach (var step in PipelineSteps)
        {
            var outputs = Outputs(result, step);
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {step} produced {output.Value} as {output.Reason}."));
        }

        var sourceOutputs = result.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(sourceOutputs);
        Assert.All(sourceOutputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    private static List<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(run => run.Outputs).ToList();

    private static string Text(GeneratorRunResult result, string hintName) =>
        result.GeneratedSources.Single(source => source.HintName == hintName).SourceText.ToString();
}
