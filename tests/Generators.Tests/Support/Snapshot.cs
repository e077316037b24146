namespace Switchboard.Generators.Tests.Support;

/// <summary>
/// Compares generated files with the checked-in expected files under <c>Snapshots/</c>. A mismatch fails with a unified
/// diff. Only an explicit <c>SWITCHBOARD_UPDATE_SNAPSHOTS=1</c> rewrites the expected files; a test never accepts a
/// change by itself.
/// </summary>
internal static class Snapshot
{
    public const string UpdateVariable = "SWITCHBOARD_UPDATE_SNAPSHOTS";

    private static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Checks every generated file of <paramref name="run"/> against <c>Snapshots/&lt;name&gt;.&lt;hint&gt;</c>, and that no expected file is missing.</summary>
    public static void Match(string name, GeneratorRun run)
    {
        var directory = TestProject.SnapshotsDirectory;
        var actual = run.Result.GeneratedSources.ToDictionary(
            source => Path.Combine(directory, $"{name}.{source.HintName}"), source => source.SourceText.ToString());
        Directory.CreateDirectory(directory);
        var expected = Directory.GetFiles(directory, $"{name}.*.g.cs");
        if (Updating)
        {
            foreach (var stale in expected.Where(path => !actual.ContainsKey(path)))
            {
                File.Delete(stale);
            }

            foreach (var (path, text) in actual)
            {
                File.WriteAllText(path, text);
            }

            return;
        }

        var failures = new List<string>();
        foreach (var stale in expected.Where(path => !actual.ContainsKey(path)))
        {
            failures.Add($"{Path.GetFileName(stale)} is expected but was not generated.");
        }

        foreach (var (path, text) in actual.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!File.Exists(path))
            {
                failures.Add($"{Path.GetFileName(path)} was generated but has no snapshot. Generated:\n{text}");
            }
            else if (File.ReadAllText(path).ReplaceLineEndings("\n") is var expectedText && expectedText != text)
            {
                failures.Add(UnifiedDiff.Create(expectedText, text, "expected/" + Path.GetFileName(path), "generated/" + Path.GetFileName(path)));
            }
        }

        Assert.True(
            failures.Count == 0,
            string.Join("\n", failures) + $"\nIf the change is intended, run the tests once with {UpdateVariable}=1 and review the diff.");
    }
}
