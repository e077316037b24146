using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Switchboard.Benchmarks.Build;

/// <summary>
/// What the build-cost benchmark checks before it measures anything, so that it never times a build that does less
/// than a user's: the generators emitted the typed surface for every handler, and the Switchboard analyzers are all
/// loaded, see the project (a misspelled send gets SWB0001) and report nothing on the correct project.
/// </summary>
public static partial class BuildCostChecks
{
    /// <summary>The rules the issue's cost goal names ("all nineteen"): each must be among the analyzers' diagnostics.</summary>
    private static readonly string[] RequiredRules = [.. Enumerable.Range(1, 19).Select(n => $"SWB{n:0000}")];

    /// <summary>Throws unless the generators wrote the typed stubs and the registry, and every handler's name is in their output.</summary>
    public static void GeneratedWhatIsExpected(GeneratorDriverRunResult result, int handlerCount)
    {
        var sources = result.Results.SelectMany(run => run.GeneratedSources).ToList();
        var missingFiles = new[] { ".Stubs.g.cs", ".Registry.g.cs" }
            .Where(suffix => !sources.Any(source => source.HintName.EndsWith(suffix, StringComparison.Ordinal)))
            .ToList();
        var literals = sources
            .SelectMany(source => NameLiteral().Matches(source.SourceText.ToString()).Select(match => match.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        var missingHandlers = Enumerable.Range(0, handlerCount).Select(HandlerProjectSource.HandlerName).Where(name => !literals.Contains(name)).ToList();
        if (missingFiles.Count > 0 || missingHandlers.Count > 0)
        {
            throw new InvalidOperationException(
                $"The generators did not emit what the project needs: files [{string.Join(", ", missingFiles)}] are missing " +
                $"(they wrote {string.Join(", ", sources.Select(s => s.HintName))}), and {missingHandlers.Count} handler(s) appear nowhere " +
                $"in their output, for example {string.Join(", ", missingHandlers.Take(5))}.");
        }
    }

    /// <summary>
    /// Throws unless every rule in <see cref="RequiredRules"/> is loaded, and a misspelled send added to
    /// <paramref name="project"/> gets SWB0001 from them (so they recognise this project's Switchboard and handlers).
    /// </summary>
    public static void AnalyzersSeeTheProject(IReadOnlyList<(string Name, SourceText Text)> project)
    {
        var analyzers = SwitchboardComponents.Analyzers();
        var supported = analyzers.SelectMany(analyzer => analyzer.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var unsupported = RequiredRules.Where(id => !supported.Contains(id)).ToList();
        if (unsupported.Count > 0)
        {
            throw new InvalidOperationException(
                $"{analyzers.Length} Switchboard analyzer(s) were found, and none of them reports {string.Join(", ", unsupported)}.");
        }

        const string canary = """
            namespace Generated.Handlers;

            public static class Canary
            {
                public static void Run(Switchboard.Gateway gateway) => gateway.SendMessage("Generated", "qeury0");
            }
            """;
        var withCanary = ProjectCompiler.Compile([.. project, ("Canary.cs", SourceText.From(canary, Encoding.UTF8))]);
        var diagnostics = BuildSteps.Analyze(BuildSteps.Generate(withCanary), analyzers);
        if (!diagnostics.Any(d => d.Id == "SWB0001" && d.Location.SourceTree?.FilePath == "Canary.cs"))
        {
            throw new InvalidOperationException(
                "A send to the misspelled handler 'qeury0' got no SWB0001, so the analyzers do not see this project's handlers; they reported: " +
                string.Join(Environment.NewLine, diagnostics.Take(10)));
        }
    }

    [GeneratedRegex("\"([a-z]+[0-9]+)\"")]
    private static partial Regex NameLiteral();
}
