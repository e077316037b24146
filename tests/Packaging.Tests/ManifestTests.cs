namespace Switchboard.Packaging.Tests;

/// <summary>
/// Handlers built elsewhere, as two users of the package do it: one project's build writes its handler manifest, and
/// another project adds that file with a SwitchboardManifest item, without referencing the first project's assembly,
/// and gets its typed stubs and SWB0001 for a handler the manifest does not have.
/// </summary>
[Collection(PackedSolutionCollection.Name)]
public sealed class ManifestTests(PackedSolution packed)
{
    [Fact]
    public async Task A_projects_build_exports_its_manifest_and_another_project_sends_to_it_through_the_file()
    {
        Assert.True(packed.Pack.ExitCode == 0, packed.Pack.ToString());

        var plant = packed.Workspace.NewConsumer("Plant");
        var office = packed.Workspace.NewConsumer("Office");
        ConsumerProject.Write(
            plant,
            [("Switchboard", packed.Version)],
            new Dictionary<string, string>
            {
                ["Handlers.cs"] = """
                using Switchboard;

                [assembly: MessagingProject("Plant")]

                namespace Plant;

                public sealed record Reading(string Line, double Value);

                public static class Handlers
                {
                    [MessageHandler("reading", Scope.Gateway | Scope.Session)]
                    public static void OnReading(Reading reading) { }

                    [MessageHandler("add")]
                    public static int Add(Reading reading) => (int)reading.Value;
                }
                """,
            },
            outputType: "Library");

        var plantBuild = await DotNet.RunAsync(plant, "build");
        Assert.True(plantBuild.ExitCode == 0, plantBuild.ToString());
        var manifest = Path.Combine(plant, "bin", "Debug", "net10.0", "Plant.switchboard.json");
        Assert.True(File.Exists(manifest), "no manifest was written:\n" + plantBuild.Output);
        var json = File.ReadAllText(manifest);
        Assert.StartsWith("{", json);
        Assert.Contains("\"name\": \"reading\"", json);
        Assert.Contains("\"metadataName\": \"Plant.Reading\"", json);

        WriteOfficeProgram(office, manifest, handlerName: "readnig");
        var broken = await DotNet.RunAsync(office, "build");
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains("error SWB0001", broken.Output);
        Assert.Contains("readnig", broken.Output);

        WriteOfficeProgram(office, manifest, handlerName: "reading");
        var fixedBuild = await DotNet.RunAsync(office, "build");
        Assert.True(fixedBuild.ExitCode == 0, fixedBuild.ToString());
        Assert.Contains("0 Warning(s)", fixedBuild.Output);
    }

    /// <summary>Office does not reference Plant's assembly: it knows Plant only from the manifest.</summary>
    private void WriteOfficeProgram(string office, string manifest, string handlerName) => ConsumerProject.Write(
        office,
        [("Switchboard", packed.Version)],
        new Dictionary<string, string>
        {
            ["Program.cs"] = $$"""
                using Office;
                using Switchboard;

                await using var gateway = new Gateway("office");
                gateway.SendMessage("Plant", "{{handlerName}}", null, scope: "G", remoteServers: ["plant-gw"]);
                await gateway.SendReadingAsync(new Dictionary<string, object?> { ["line"] = "L1", ["value"] = 2.0 }, remoteServers: ["plant-gw"]);
                """,
        },
        otherItems: $"""<SwitchboardManifest Include="{manifest}" />""");
}
