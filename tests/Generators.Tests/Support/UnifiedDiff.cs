using System.Text;

namespace Switchboard.Generators.Tests.Support;

/// <summary>A line-based unified diff, so that a snapshot mismatch shows what changed and not just that something did.</summary>
internal static class UnifiedDiff
{
    public static string Create(string expected, string actual, string expectedName, string actualName, int context = 3)
    {
        var before = expected.Split('\n');
        var after = actual.Split('\n');
        var edits = Edits(before, after);
        var output = new StringBuilder().Append("--- ").AppendLine(expectedName).Append("+++ ").AppendLine(actualName);
        var index = 0;
        while (index < edits.Count)
        {
            if (edits[index].Kind == ' ')
            {
                index++;
                continue;
            }

            var start = Math.Max(0, index - context);
            var end = index;
            while (end < edits.Count)
            {
                var nextChange = edits.FindIndex(end, edit => edit.Kind != ' ');
                if (nextChange < 0 || nextChange - end > context * 2)
                {
                    break;
                }

                end = nextChange + 1;
            }

            end = Math.Min(edits.Count, end + context);
            var hunk = edits.GetRange(start, end - start);
            output.Append("@@ -").Append(hunk.FirstOrDefault(edit => edit.Kind != '+').Before + 1)
                .Append(" +").Append(hunk.FirstOrDefault(edit => edit.Kind != '-').After + 1).AppendLine(" @@");
            foreach (var edit in hunk)
            {
                output.Append(edit.Kind).AppendLine(edit.Text);
            }

            index = end;
        }

        return output.ToString();
    }

    private readonly record struct Edit(char Kind, string Text, int Before, int After);

    /// <summary>Edits from a longest common subsequence table (files here are a few hundred lines).</summary>
    private static List<Edit> Edits(string[] before, string[] after)
    {
        var lengths = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        {
            for (var j = after.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = before[i] == after[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var edits = new List<Edit>();
        int x = 0, y = 0;
        while (x < before.Length || y < after.Length)
        {
            if (x < before.Length && y < after.Length && before[x] == after[y])
            {
                edits.Add(new Edit(' ', before[x], x++, y++));
            }
            else if (y < after.Length && (x == before.Length || lengths[x, y + 1] >= lengths[x + 1, y]))
            {
                edits.Add(new Edit('+', after[y], x, y++));
            }
            else
            {
                edits.Add(new Edit('-', before[x], x++, y));
            }
        }

        return edits;
    }
}
