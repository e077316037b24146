using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Switchboard.Packaging.Tests;

/// <summary>
/// The C# snippets of a markdown document, read together as one program, and laid out the two ways a user pastes
/// them: into a top-level-statements <c>Program.cs</c>, or into files of a namespace other than the project's root.
/// </summary>
internal sealed partial class ReadmeSnippets
{
    private readonly List<string> usings = [];
    private readonly List<string> assemblyAttributes = [];
    private readonly List<string> statements = [];
    private readonly List<string> declarations = [];

    public ReadmeSnippets(string markdown)
    {
        foreach (Match block in CSharpBlock().Matches(markdown.ReplaceLineEndings("\n")))
        {
            var indent = block.Groups["indent"].Value.Length;
            var code = string.Join("\n", block.Groups["code"].Value.Split('\n').Select(line => line.Length >= indent ? line[indent..] : line.TrimStart()));
            var unit = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code).GetRoot();
            var errors = unit.GetDiagnostics().Where(diagnostic => diagnostic.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"A C# snippet does not parse: {errors[0]}\n{code}");
            }

            usings.AddRange(unit.Usings.Select(directive => directive.ToString()).Where(directive => !usings.Contains(directive)));
            assemblyAttributes.AddRange(unit.AttributeLists.Select(list => list.ToFullString().Trim()));
            foreach (var member in unit.Members)
            {
                (member is GlobalStatementSyntax ? statements : declarations).Add(member.ToFullString().Trim());
            }

            Count++;
        }
    }

    public int Count { get; }

    /// <summary>Program.cs with top-level statements, as <c>dotnet new console</c> makes it.</summary>
    public IReadOnlyDictionary<string, string> TopLevel() => new Dictionary<string, string>
    {
        ["Program.cs"] = Join(usings, assemblyAttributes, statements, declarations),
    };

    /// <summary>The same code in namespace <paramref name="ns"/>, with the statements in a <c>Main</c> method.</summary>
    public IReadOnlyDictionary<string, string> Namespaced(string ns) => new Dictionary<string, string>
    {
        ["Program.cs"] = Join(usings, assemblyAttributes, [$"namespace {ns};"], [
            "public static class Program",
            "{",
            "    public static async Task Main(string[] args)",
            "    {",
            .. statements,
            "    }",
            "}",
        ]),
        ["Declarations.cs"] = Join(usings, [$"namespace {ns};"], declarations),
    };

    private static string Join(params IEnumerable<string>[] parts) =>
        string.Join("\n\n", parts.Where(part => part.Any()).Select(part => string.Join("\n", part))) + "\n";

    // A fenced block may be indented (inside a list item); its lines are read without that indent.
    [GeneratedRegex("^(?<indent>[ ]*)```csharp\n(?<code>.*?)^\\k<indent>```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CSharpBlock();
}
