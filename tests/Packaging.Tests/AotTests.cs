namespace Switchboard.Packaging.Tests;

/// <summary>
/// Native AOT with no setup: publishes Apps/AotApp (which configures no JSON metadata of its own) with
/// <c>PublishAot</c> and runs it. Every payload conversion in it must work from what the generator emitted.
/// It builds against the sources (project references) in the packed solution's private copy, which has the app.
/// </summary>
[Collection(PackedSolutionCollection.Name)]
public sealed class AotTests(PackedSolution packed)
{
    [Fact]
    public async Task A_native_AOT_app_converts_payloads_and_crosses_gateways_with_no_setup_and_no_warnings()
    {
        var project = Path.Combine(packed.Workspace.Sources, "tests", "Packaging.Tests", "Apps", "AotApp");
        var output = Path.Combine(packed.Workspace.Root, "aot");

        // About 3.5 minutes on 2 idle cores (restore, build, native compile); far longer when the machine is shared.
        var publish = await DotNet.RunAsync(
            project, TimeSpan.FromMinutes(25), "publish", "-c", "Release", "-r", "linux-x64", "-o", output, "-p:CppCompilerAndLinker=" + CCompiler());

        Assert.True(publish.ExitCode == 0, publish.ToString());
        Assert.DoesNotContain("warning", publish.Output, StringComparison.OrdinalIgnoreCase);

        var run = await Tool.RunAsync(Path.Combine(output, "AotApp"), output, null, TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("received dictionary: Gateway \"agent-8088\" got press-4 Running limit=12.5 tags=[a,b] counts=[ok=3] operator=ada#7 due=none serial=S-1", run.Output);
        Assert.Contains("received remote: Gateway \"agent-9000\" got press-5 Stopped limit=3 tags=[x] counts=[bad=1] operator=grace#9 due=0 serial=S-2", run.Output);
        Assert.Contains("type=RemoteGateway,serverName=agent-9000,project=AotApp,messageHandler=machine", run.Output);
        Assert.Contains("remote response: press-5 Stopped (1 tags)", run.Output);
        Assert.Contains("received audit: audit Name=linus,Badge=1", run.Output);
        Assert.Contains("AOT OK", run.Output);
    }

    // Native AOT links with clang; some machines name it after its version only.
    private static string CCompiler() =>
        Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator).Any(directory => File.Exists(Path.Combine(directory, "clang")))
            ? "clang"
            : "clang-14";
}
