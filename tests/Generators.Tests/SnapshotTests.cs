using Switchboard.Generators.Tests.Support;

namespace Switchboard.Generators.Tests;

/// <summary>The generated source of representative projects, compared with checked-in expected files.</summary>
public sealed class SnapshotTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "StaticAndInstance", "App" },
        { "PayloadShapes", "App" },
        { "Requests", "App" },
        { "MultiScopeNames", "App" },
        { "CustomProjectName", "Plant.Floor" },
        { "OddHandlerNames", "App" },
        { "RequestAll", "App" },
        { "DurableHandlers", "App" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_source_matches_the_snapshot(string source, string rootNamespace)
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compilation("Sample", TestProject.ReadSource(source)), rootNamespace);

        Snapshot.Match(source, run);
    }

    [Fact]
    public void Every_project_gets_a_stubs_a_registry_and_a_manifest_file_and_the_compilation_one_export()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compilation("Sample", TestProject.ReadSource("CustomProjectName")), "Plant.Floor");

        Assert.Equal(
            [
                "Line2Messages.Manifest.g.cs", "Line2Messages.Registry.g.cs", "Line2Messages.Stubs.g.cs",
                "PlantFloorMessages.Manifest.g.cs", "PlantFloorMessages.Registry.g.cs", "PlantFloorMessages.Stubs.g.cs",
                "Switchboard.Manifest.g.cs",
            ],
            run.Result.GeneratedSources.Select(source => source.HintName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_durable_handler_s_descriptor_field_and_manifests_carry_its_delivery_mode_and_others_do_not()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compilation("Sample", TestProject.ReadSource("DurableHandlers")), "App");

        var registry = run.Source("SampleMessages.Registry.g.cs");
        Assert.Equal(2, registry.Split('\n').Count(line => line.Trim() == "Delivery = global::Switchboard.DeliveryMode.Durable,"));
        var stubs = run.Source("SampleMessages.Stubs.g.cs");
        Assert.Contains("new(ProjectName, \"placeOrder\", global::Switchboard.Scope.Gateway, global::Switchboard.DeliveryMode.Durable);", stubs);
        Assert.Contains("new(ProjectName, \"orderSeen\", global::Switchboard.Scope.Client | global::Switchboard.Scope.Gateway);", stubs);
        Assert.Contains("/// Sends to <c>placeOrder</c> in durable mode (at least once)", stubs);
        Assert.Contains("/// Sends to <c>orderSeen</c> fire-and-forget", stubs);
        var attributes = run.Source("SampleMessages.Manifest.g.cs").Split('\n').Where(line => line.StartsWith("[assembly:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, attributes.Count(line => line.EndsWith(", Delivery = global::Switchboard.DeliveryMode.Durable)]", StringComparison.Ordinal)));
        Assert.Contains(attributes, line => line.Contains("\"orderSeen\"", StringComparison.Ordinal) && !line.Contains("Delivery", StringComparison.Ordinal));
        Assert.Equal(2, run.Source("Switchboard.Manifest.g.cs").Split('\n').Count(line => line.Trim() == "\"delivery\": \"Durable\","));
    }

    [Fact]
    public void A_compilation_without_handlers_gets_no_files()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compilation("Sample", "namespace App; public static class Nothing { }"));

        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void Without_a_messaging_project_attribute_the_assembly_name_is_the_project()
    {
        const string source = """
            using Switchboard;
            namespace App;
            public static class Handlers
            {
                [MessageHandler("h")]
                public static void H() { }
            }
            """;

        var run = GeneratorHarness.Run(GeneratorHarness.Compilation("Tank.Farm-2", source), rootNamespace: null);

        var stubs = run.Source("TankFarm2Messages.Stubs.g.cs");
        Assert.Contains("public const string ProjectName = \"Tank.Farm-2\";", stubs);
        // Without a RootNamespace build property the namespace is the assembly name made valid, as MSBuild's default.
        Assert.Contains("namespace Tank.Farm_2", stubs);
    }
}
