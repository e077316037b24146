using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Switchboard.Manifests;

/// <summary>
/// Writes and reads <see cref="HandlerManifest"/> as JSON. Hand-written, because a generator or analyzer cannot
/// count on System.Text.Json in every compiler host (Visual Studio's .NET Framework process included); the format
/// is small and fixed, and the writer's output is deterministic (ordinal order, LF line ends, no timestamps).
/// </summary>
internal static class ManifestJson
{
    private static readonly string[] ScopeNames = ["Client", "Gateway", "Session"];

    public static string Write(HandlerManifest manifest)
    {
        var json = new StringBuilder();
        json.Append("{\n  \"switchboardManifest\": ").Append(HandlerManifest.FormatVersion).Append(",\n  \"projects\": [");
        for (var p = 0; p < manifest.Projects.Count; p++)
        {
            var project = manifest.Projects[p];
            json.Append(p == 0 ? "\n" : ",\n").Append("    {\n      \"name\": ").Append(Quote(project.Name)).Append(",\n      \"handlers\": [");
            for (var h = 0; h < project.Handlers.Count; h++)
            {
                var handler = project.Handlers[h];
                json.Append(h == 0 ? "\n" : ",\n")
                    .Append("        {\n          \"name\": ").Append(Quote(handler.Name))
                    .Append(",\n          \"scopes\": [");
                var first = true;
                for (var bit = 0; bit < ScopeNames.Length; bit++)
                {
                    if ((handler.Scope & (1 << bit)) != 0)
                    {
                        json.Append(first ? "" : ", ").Append(Quote(ScopeNames[bit]));
                        first = false;
                    }
                }

                json.Append("],\n          \"answersRequests\": ").Append(handler.AnswersRequests ? "true" : "false");
                if (handler.IsDurable)
                {
                    // Only when durable, so that manifests of fire-and-forget handlers read as they always did.
                    json.Append(",\n          \"delivery\": \"Durable\"");
                }

                WriteType(json, "payload", handler.Payload);
                WriteType(json, "response", handler.Response);
                json.Append("\n        }");
            }

            json.Append(project.Handlers.Count == 0 ? "]\n    }" : "\n      ]\n    }");
        }

        json.Append(manifest.Projects.Count == 0 ? "]\n}\n" : "\n  ]\n}\n");
        return json.ToString();
    }

    /// <summary>Reads a manifest; <see langword="null"/> and a message that says what is wrong when it is not one.</summary>
    public static HandlerManifest? Read(string text, out string? error)
    {
        try
        {
            var root = new Parser(text).ParseDocument() as Dictionary<string, object?>
                ?? throw new FormatException("the file is not a JSON object");
            if (!root.TryGetValue("switchboardManifest", out var version) || version is not double number)
            {
                throw new FormatException("the property \"switchboardManifest\" (the format version) is missing");
            }

            if (number != HandlerManifest.FormatVersion)
            {
                throw new FormatException(string.Format(CultureInfo.InvariantCulture,
                    "it has format version {0}, and this Switchboard reads version {1}; rebuild the project that wrote it with this Switchboard version", number, HandlerManifest.FormatVersion));
            }

            var projects = new List<ManifestProject>();
            foreach (var item in Array(root, "projects"))
            {
                var project = Object(item, "a project");
                var handlers = new List<ManifestHandler>();
                foreach (var handlerItem in Array(project, "handlers"))
                {
                    var handler = Object(handlerItem, "a handler");
                    handlers.Add(new ManifestHandler(
                        Text(handler, "name"),
                        Scope(handler),
                        Type(handler, "payload"),
                        Type(handler, "response"),
                        IsDurable(handler)));
                }

                projects.Add(new ManifestProject(Text(project, "name"), handlers));
            }

            error = null;
            return new HandlerManifest(projects);
        }
        catch (FormatException exception)
        {
            error = exception.Message;
            return null;
        }
    }

    private static void WriteType(StringBuilder json, string property, ManifestType? type)
    {
        json.Append(",\n          \"").Append(property).Append("\": ");
        if (type is null)
        {
            json.Append("null");
            return;
        }

        json.Append("{ \"type\": ").Append(Quote(type.Name));
        if (type.MetadataName is not null)
        {
            json.Append(", \"metadataName\": ").Append(Quote(type.MetadataName));
        }

        if (type.IsDictionary)
        {
            json.Append(", \"dictionary\": true");
        }

        if (type.Properties is { } properties)
        {
            json.Append(", \"properties\": [");
            for (var i = 0; i < properties.Count; i++)
            {
                json.Append(i == 0 ? "\n" : ",\n").Append("            { \"name\": ").Append(Quote(properties[i].Name))
                    .Append(", \"type\": ").Append(Quote(properties[i].Type))
                    .Append(", \"required\": ").Append(properties[i].Required ? "true" : "false");
                if (properties[i].ConstructorParameter)
                {
                    json.Append(", \"constructorParameter\": true");
                }

                json.Append(" }");
            }

            json.Append(properties.Count == 0 ? "]" : "\n          ]");
        }

        json.Append(" }");
    }

    private static bool IsDurable(Dictionary<string, object?> handler)
    {
        if (!handler.TryGetValue("delivery", out var value) || value is null)
        {
            return false;
        }

        return value switch
        {
            "Durable" => true,
            "FireAndForget" => false,
            _ => throw new FormatException($"the delivery {Describe(value)} of handler \"{Text(handler, "name")}\" is not Durable or FireAndForget"),
        };
    }

    private static int Scope(Dictionary<string, object?> handler)
    {
        var scope = 0;
        foreach (var item in Array(handler, "scopes"))
        {
            var index = System.Array.IndexOf(ScopeNames, item as string);
            if (index < 0)
            {
                throw new FormatException($"the scope {Describe(item)} of handler \"{Text(handler, "name")}\" is not Client, Gateway or Session");
            }

            scope |= 1 << index;
        }

        return scope != 0 ? scope : throw new FormatException($"handler \"{Text(handler, "name")}\" has no scope");
    }

    private static ManifestType? Type(Dictionary<string, object?> handler, string property)
    {
        if (!handler.TryGetValue(property, out var value) || value is null)
        {
            return null;
        }

        var type = Object(value, $"the {property} of handler \"{Text(handler, "name")}\"");
        List<ManifestProperty>? members = null;
        if (type.TryGetValue("properties", out var list) && list is not null)
        {
            members = new List<ManifestProperty>();
            foreach (var item in Array(type, "properties"))
            {
                var member = Object(item, "a payload property");
                members.Add(new ManifestProperty(
                    Text(member, "name"),
                    Text(member, "type"),
                    member.TryGetValue("required", out var required) && required is true,
                    member.TryGetValue("constructorParameter", out var constructorParameter) && constructorParameter is true));
            }
        }

        return new ManifestType(
            Text(type, "type"),
            type.TryGetValue("metadataName", out var metadataName) ? metadataName as string : null,
            type.TryGetValue("dictionary", out var dictionary) && dictionary is true,
            members);
    }

    private static Dictionary<string, object?> Object(object? value, string what) =>
        value as Dictionary<string, object?> ?? throw new FormatException($"{what} is {Describe(value)}, not a JSON object");

    private static List<object?> Array(Dictionary<string, object?> owner, string property) =>
        owner.TryGetValue(property, out var value) && value is List<object?> list
            ? list
            : throw new FormatException($"the property \"{property}\" is missing or not an array");

    private static string Text(Dictionary<string, object?> owner, string property) =>
        owner.TryGetValue(property, out var value) && value is string text && text.Trim().Length > 0
            ? text
            : throw new FormatException($"the property \"{property}\" is missing or not a non-blank string");

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => Quote(text),
        _ => "a " + value.GetType().Name,
    };

    private static string Quote(string text)
    {
        var json = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;

                // Escaped so that the text can sit inside a C# /* */ comment in generated code.
                case '/': json.Append("\\/"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.Append(c);
                    }

                    break;
            }
        }

        return json.Append('"').ToString();
    }

    /// <summary>A strict JSON parser into dictionaries, lists, strings, doubles, booleans and nulls.</summary>
    private sealed class Parser
    {
        private readonly string text;
        private int position;

        public Parser(string text) => this.text = text;

        public object? ParseDocument()
        {
            var value = ParseValue();
            SkipWhitespace();
            return position == text.Length ? value : throw Error("unexpected text after the end of the JSON value");
        }

        private object? ParseValue()
        {
            SkipWhitespace();
            if (position >= text.Length)
            {
                throw Error("the file ends before a value");
            }

            switch (text[position])
            {
                case '{': return ParseObject();
                case '[': return ParseArray();
                case '"': return ParseString();
                case 't': return Literal("true", true);
                case 'f': return Literal("false", false);
                case 'n': return Literal("null", null);
                default: return ParseNumber();
            }
        }

        private Dictionary<string, object?> ParseObject()
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            position++;
            SkipWhitespace();
            if (Peek() == '}')
            {
                position++;
                return result;
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    throw Error("expected a property name");
                }

                var name = ParseString();
                SkipWhitespace();
                Expect(':');
                result[name] = ParseValue();
                SkipWhitespace();
                if (Peek() == ',')
                {
                    position++;
                    continue;
                }

                Expect('}');
                return result;
            }
        }

        private List<object?> ParseArray()
        {
            var result = new List<object?>();
            position++;
            SkipWhitespace();
            if (Peek() == ']')
            {
                position++;
                return result;
            }

            while (true)
            {
                result.Add(ParseValue());
                SkipWhitespace();
                if (Peek() == ',')
                {
                    position++;
                    continue;
                }

                Expect(']');
                return result;
            }
        }

        private string ParseString()
        {
            var result = new StringBuilder();
            position++;
            while (position < text.Length)
            {
                var c = text[position++];
                if (c == '"')
                {
                    return result.ToString();
                }

                if (c != '\\')
                {
                    result.Append(c);
                    continue;
                }

                if (position >= text.Length)
                {
                    break;
                }

                var escaped = text[position++];
                switch (escaped)
                {
                    case '"' or '\\' or '/': result.Append(escaped); break;
                    case 'b': result.Append('\b'); break;
                    case 'f': result.Append('\f'); break;
                    case 'n': result.Append('\n'); break;
                    case 'r': result.Append('\r'); break;
                    case 't': result.Append('\t'); break;
                    case 'u' when position + 4 <= text.Length
                        && int.TryParse(text.Substring(position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                        result.Append((char)code);
                        position += 4;
                        break;
                    default:
                        throw Error("invalid escape in a string");
                }
            }

            throw Error("a string is not closed");
        }

        private double ParseNumber()
        {
            var start = position;
            while (position < text.Length && (char.IsDigit(text[position]) || text[position] is '-' or '+' or '.' or 'e' or 'E'))
            {
                position++;
            }

            return position > start && double.TryParse(text.Substring(start, position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw Error("expected a value");
        }

        private object? Literal(string word, object? value)
        {
            if (string.CompareOrdinal(text, position, word, 0, word.Length) != 0)
            {
                throw Error("expected a value");
            }

            position += word.Length;
            return value;
        }

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw Error($"expected '{c}'");
            }

            position++;
        }

        private char Peek() => position < text.Length ? text[position] : '\0';

        private void SkipWhitespace()
        {
            while (position < text.Length && text[position] is ' ' or '\t' or '\r' or '\n')
            {
                position++;
            }
        }

        private FormatException Error(string message)
        {
            var line = 1;
            for (var i = 0; i < position && i < text.Length; i++)
            {
                line += text[i] == '\n' ? 1 : 0;
            }

            return new FormatException($"it is not valid JSON: {message} (line {line.ToString(CultureInfo.InvariantCulture)})");
        }
    }
}
