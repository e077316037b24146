using System.Globalization;
using System.Text;

namespace Switchboard.Benchmarks.Build;

/// <summary>
/// The source of a generated messaging project with many handlers, spread over files of fifty: what the build suite
/// compiles (through <c>build-time.sh</c>) and what the generator benchmark drives. With sends (<see cref="FilesWithSends"/>)
/// it is also what the build-cost benchmark compiles and analyzes.
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

    /// <summary>
    /// The same project plus one send per handler, with constant names, in files of fifty (<c>SendersNNN.cs</c>): what
    /// <c>scripts/measure-analyzers.sh</c> writes, in this project's handler shapes. The sends are string-based, so the
    /// project compiles without the generator; each is one of the kinds its handler's shape is reached by (a request
    /// with a dictionary literal or a typed payload, <c>SendMessage</c> with a scope string, a filter and a dictionary
    /// literal, <c>SendAsync</c> with a <see cref="Scope"/>), so that every Switchboard rule has work to do, and all are
    /// correct, so that none reports anything.
    /// </summary>
    public static IReadOnlyList<(string Name, string Text)> FilesWithSends(int handlerCount)
    {
        var files = new List<(string, string)>(Files(handlerCount));
        for (var first = 0; first < handlerCount; first += HandlersPerFile)
        {
            var index = first / HandlersPerFile;
            files.Add(($"Senders{index:000}.cs", SenderFile(index, first, Math.Min(first + HandlersPerFile, handlerCount))));
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

    /// <summary>The name of handler <paramref name="i"/>: <c>query</c>, <c>reading</c> or <c>event</c>, by its shape, and its number.</summary>
    public static string HandlerName(int i) => (i % 6) switch
    {
        0 or 1 => $"query{i}",
        2 or 3 => $"reading{i}",
        _ => $"event{i}",
    };

    private static string Handler(int i) => (i % 6) switch
    {
        0 or 1 => $$"""
                [MessageHandler("{{HandlerName(i)}}")]
                public static int Query{{i}}(Query query) => query.Limit + /* edit */ {{i}};
            """,
        2 => $$"""
                [MessageHandler("{{HandlerName(i)}}", Scope.Client)]
                public static void Reading{{i}}(Reading reading, MessageContext context) => _ = reading.Value + {{i}};
            """,
        3 => $$"""
                [MessageHandler("{{HandlerName(i)}}", Scope.Session)]
                public static System.Threading.Tasks.Task Reading{{i}}(Reading reading, Session session) => System.Threading.Tasks.Task.CompletedTask;
            """,
        _ => $$"""
                [MessageHandler("{{HandlerName(i)}}")]
                public static void Event{{i}}(System.Collections.Generic.IReadOnlyDictionary<string, object?> payload) => _ = payload.Count + {{i}};
            """,
    };

    private static string SenderFile(int index, int first, int end)
    {
        var text = new StringBuilder()
            .AppendLine("using System.Collections.Generic;")
            .AppendLine("using Switchboard;")
            .AppendLine()
            .AppendLine("namespace Generated.Handlers;")
            .AppendLine()
            .Append(CultureInfo.InvariantCulture, $"public static class Senders{index:000}").AppendLine()
            .AppendLine("{")
            .AppendLine("    public static async System.Threading.Tasks.Task RunAsync(Gateway gateway)")
            .AppendLine("    {");
        for (var i = first; i < end; i++)
        {
            text.Append("        ").AppendLine(Send(i));
        }

        return text.AppendLine("    }").AppendLine("}").ToString();
    }

    /// <summary>A correct send to handler <paramref name="i"/>, by the shape <see cref="Handler"/> gave it.</summary>
    private static string Send(int i) => (i % 6) switch
    {
        0 => $$"""await gateway.SendRequestAsync<int>("Generated", "{{HandlerName(i)}}", new Dictionary<string, object?> { ["tag"] = "t", ["limit"] = 10 });""",
        1 => $$"""await gateway.SendRequestAsync<int>("Generated", "{{HandlerName(i)}}", new Query("t", 10));""",
        2 => $$"""gateway.SendMessage("Generated", "{{HandlerName(i)}}", new Dictionary<string, object?> { ["tag"] = "t", ["value"] = 1.5, ["timestamp"] = 0L }, scope: "C", user: "Bob");""",
        3 => $$"""await gateway.SendAsync("Generated", "{{HandlerName(i)}}", new Reading("t", 1.5, 0), Scope.Session, hasRole: "Operator");""",
        4 => $$"""await gateway.SendAsync("Generated", "{{HandlerName(i)}}", new Dictionary<string, object?> { ["a"] = 1 }, Scope.Gateway);""",
        _ => $$"""gateway.SendMessage("Generated", "{{HandlerName(i)}}", scope: "G");""",
    };
}
