using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Switchboard.Generators.Tests.Support;

/// <summary>An additional file (a handler manifest) as MSBuild hands it to generators, kept in memory.</summary>
internal sealed class InMemoryText(string path, string text) : AdditionalText
{
    public override string Path => path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}
