namespace Switchboard.Packaging.Tests;

/// <summary>The templates as a user gets them: installed from the packed package, instantiated, built against the packages.</summary>
[Collection(PackedSolutionCollection.Name)]
public sealed class TemplateTests(PackedSolution packed)
{
    [Fact]
    public async Task The_console_template_builds_without_warnings_and_runs_its_typed_send_and_request()
    {
        var project = await CreateAsync("switchboard-console", "Plant.Console");

        await BuildAsync(project);
        var run = await DotNet.RunAsync(project, "run", "--no-build");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("type=Gateway,project=Plant,messageHandler=tankLevel,filterParams={hostName=, clientSessionId=, scope=CG, user=, hasRole=},sendStatus=SENT", run.Output);
        Assert.Contains("gateway: T-101 at 82.5%", run.Output);
        Assert.Contains("client operator: T-101 at 82.5%", run.Output);
        Assert.Contains("active alarms on T-101: 1", run.Output);
    }

    [Fact]
    public async Task The_hosted_Redis_template_builds_without_warnings()
    {
        var project = await CreateAsync("switchboard-hosted", "Plant.Hosted");

        await BuildAsync(project);

        Assert.True(File.Exists(Path.Combine(project, "appsettings.json")));
    }

    private async Task<string> CreateAsync(string template, string name)
    {
        Assert.True(packed.Pack.ExitCode == 0, packed.Pack.ToString());

        // A hive of its own: the user's installed templates are neither read nor changed.
        var hive = Path.Combine(packed.Workspace.Root, "hive-" + template);
        var install = await DotNet.RunAsync(packed.Workspace.Root, "new", "install", packed.PackagePath("Switchboard.Templates"), "--debug:custom-hive", hive);
        Assert.True(install.ExitCode == 0, install.ToString());

        var project = Path.Combine(packed.Workspace.Consumers, name);
        var create = await DotNet.RunAsync(packed.Workspace.Consumers, "new", template, "-o", project, "--debug:custom-hive", hive);
        Assert.True(create.ExitCode == 0, create.ToString());
        var projectFile = Path.Combine(project, name + ".csproj");
        Assert.True(File.Exists(projectFile), create.ToString());
        Assert.Contains($"Version=\"{packed.Version}\"", File.ReadAllText(projectFile));
        return project;
    }

    private static async Task BuildAsync(string project)
    {
        var build = await DotNet.RunAsync(project, "build");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("0 Warning(s)", build.Output);
    }
}
