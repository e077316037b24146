using System.Globalization;
using System.Text;

namespace Switchboard.Benchmarks.Build;

/// <summary>
/// The source of a generated messaging project with many handlers, spread over files of fifty: what the build suite
/// compiles (through <c>build-time.sh</c>) and what the generator benchmark drives.
/// </summary>
public static class HandlerProjectSource
{
    /// <summary>The size the issue asks for.</summary>
    public const int DefaultHandlerCount = 1_000;

    /// <summary>Handlers per file.</summary>
    public const int HandlersPerFile = 50;

    /// <summary>The file that <c>build-time.sh</c> edits between incremental builds: a handler body, nothing else.</summary>
    public const string EditedFile = "Handlers000.cs";

    /// <summary>The file names and texts of a project with <paramref name="handlerCount"/> handlers.</summary>
    /// <remarks>A third of the handlers are requests, a sixth are client handlers and a sixth session handlers.</remarks>
    public static IReadOnlyList<(string Name, string Text)> Files(int handlerCount)
    {
        var files = new List<(string, string)> { ("Payloads.cs", Payloads), ("Unrelated.cs", Unrelated(0)) };
        for (var first = 0; first < handlerCount; first += HandlersPerFile)
        {
            var index = first / HandlersPerFile;
            files.Add(($"Handlers{index:000}.cs", HandlerFile(index, first, Math.Min(first + HandlersPerFile, handlerCount))));
        }

        return files;
    }

    /// <summary>An ordinary class that no handler depends on; the "unrelated edit" changes it.</summary>
    /// <param name="edit">A number that changes with each edit.</param>
    public static string Unrelated(int edit) => $$"""
        namespace Generated.Handlers;

        public static class Unrelated
        {
            public static int Answer() => {{edit.ToString(CultureInfo.InvariantCulture)}};
        }
        """;

    /// <summary>Writes the project into <paramref name="directory"/>: a project file set up by <c>build-time.sh</c> is not part of it.</summary>
    public static void WriteProject(string directory, int handlerCount)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, text) in Files(handlerCount))
        {
            File.WriteAllText(Path.Combine(directory, name), text);
        }
    }

    private const string Payloads = """
        [assembly: Switchboard.MessagingProject("Generated")]

        namespace Generated.Handlers;

        public sealed record Reading(string Tag, double Value, long Timestamp);

        public sealed record Query(string Tag, int Limit);
        """;

    private static string HandlerFile(int index, int first, int end)
    {
        var text = new StringBuilder()
            .AppendLine("using Switchboard;")
            .AppendLine()
            .AppendLine("namespace Generated.Handlers;")
            .AppendLine()
            .Append(CultureInfo.InvariantCulture, $"public static class Handlers{index:000}").AppendLine()
            .AppendLine("{");
        for (var i = first; i < end; i++)
        {
            text.AppendLine(Handler(i)).AppendLine();
        }

        return text.AppendLine("}").ToString();
    }

    private static string Handler(int i) => (i % 6) switch
    {
        0 or 1 => $$"""
                [MessageHandler("query{{i}}")]
                public static int Query{{i}}(Query query) => query.Limit + /* edit */ {{i}};
            """,
        2 => $$"""
                [MessageHandler("reading{{i}}", Scope.Client)]
                public static void Reading{{i}}(Reading reading, MessageContext context) => _ = reading.Value + {{i}};
            """,
        3 => $$"""
                [MessageHandler("reading{{i}}", Scope.Session)]
                public static System.Threading.Tasks.Task Reading{{i}}(Reading reading, Session session) => System.Threading.Tasks.Task.CompletedTask;
            """,
        _ => $$"""
                [MessageHandler("event{{i}}")]
                public static void Event{{i}}(System.Collections.Generic.IReadOnlyDictionary<string, object?> payload) => _ = payload.Count + {{i}};
            """,
    };
}
