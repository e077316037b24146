using Switchboard.Generators.Text;

namespace Switchboard.Generators.Tests;

/// <summary>How handler, project and namespace names become C# identifiers.</summary>
public sealed class IdentifierTests
{
    [Theory]
    [InlineData("testHandler", "TestHandler")]
    [InlineData("tank-level changed", "TankLevelChanged")]
    [InlineData("my_handler", "MyHandler")]
    [InlineData("2fast", "_2fast")]
    [InlineData("class", "Class")]
    [InlineData("ünïcode", "Ünïcode")]
    [InlineData("___", "Handler")]
    [InlineData("", "Handler")]
    public void Names_become_pascal_case_identifiers(string name, string expected) =>
        Assert.Equal(expected, Identifiers.ToPascalCase(name, "Handler"));

    [Theory]
    [InlineData("Plant.Floor", "Plant.Floor")]
    [InlineData("Tank.Farm-2", "Tank.Farm_2")]
    [InlineData("1st.class", "_1st.@class")]
    [InlineData("", "")]
    public void Namespaces_keep_their_parts_made_valid(string name, string expected) =>
        Assert.Equal(expected, Identifiers.ToNamespace(name));

    [Fact]
    public void Literals_and_documentation_text_are_escaped()
    {
        Assert.Equal("\"say \\\"hi\\\"\\n\"", Identifiers.Literal("say \"hi\"\n"));
        Assert.Equal("a &lt;b&gt; &amp; c", Identifiers.Xml("a <b> & c"));
    }
}
