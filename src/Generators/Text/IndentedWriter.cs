using System.Text;

namespace Switchboard.Generators.Text;

/// <summary>Writes generated source line by line with four-space indentation and <c>\n</c> line ends, the same on every machine.</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder builder = new();
    private int depth;

    /// <summary>Writes one line at the current indentation (an empty line has no indentation).</summary>
    public IndentedWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            builder.Append(' ', depth * 4).Append(text);
        }

        builder.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> (if any), then <c>{</c>, and indents.</summary>
    public IndentedWriter Open(string? header = null)
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        depth++;
        return this;
    }

    /// <summary>Unindents and writes <c>}</c> (or the given closing text, such as <c>},</c>).</summary>
    public IndentedWriter Close(string brace = "}")
    {
        depth--;
        return Line(brace);
    }

    /// <summary>Indents the following lines one more level.</summary>
    public IndentedWriter Indent()
    {
        depth++;
        return this;
    }

    /// <summary>Undoes one <see cref="Indent"/>.</summary>
    public IndentedWriter Unindent()
    {
        depth--;
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => builder.ToString();
}
