namespace Switchboard.Tests;

public sealed class ScopeCodeTests
{
    [Theory]
    [InlineData("C", Scope.Client)]
    [InlineData("G", Scope.Gateway)]
    [InlineData("S", Scope.Session)]
    [InlineData("CG", Scope.Client | Scope.Gateway)]
    [InlineData("gc", Scope.Client | Scope.Gateway)]
    [InlineData("SGC", Scope.Client | Scope.Gateway | Scope.Session)]
    [InlineData("cS", Scope.Client | Scope.Session)]
    public void Parse_accepts_any_order_and_case(string code, Scope expected) => Assert.Equal(expected, ScopeCode.Parse(code));

    [Theory]
    [InlineData(Scope.Client, "C")]
    [InlineData(Scope.Session | Scope.Gateway, "GS")]
    [InlineData(Scope.Session | Scope.Client, "CS")]
    [InlineData(Scope.Session | Scope.Gateway | Scope.Client, "CGS")]
    public void ToCode_uses_canonical_order(Scope scope, string expected) => Assert.Equal(expected, scope.ToCode());

    [Fact]
    public void Parse_rejects_empty_naming_the_allowed_letters()
    {
        // SWB0003 reports this constant at compile time; the test checks the run-time error behind it.
#pragma warning disable SWB0003
        var error = Assert.Throws<FormatException>(() => ScopeCode.Parse(""));
#pragma warning restore SWB0003
        Assert.Contains("must not be empty", error.Message);
        Assert.Contains("C, G, S", error.Message);
    }

    [Fact]
    public void Parse_rejects_unknown_letter_naming_it()
    {
        // SWB0003 reports this constant at compile time; the test checks the run-time error behind it.
#pragma warning disable SWB0003
        var error = Assert.Throws<FormatException>(() => ScopeCode.Parse("CX"));
#pragma warning restore SWB0003
        Assert.Contains("'X'", error.Message);
        Assert.Contains("C, G, S", error.Message);
    }

    [Fact]
    public void Parse_rejects_repeated_letter_naming_it()
    {
        // SWB0003 reports this constant at compile time; the test checks the run-time error behind it.
#pragma warning disable SWB0003
        var error = Assert.Throws<FormatException>(() => ScopeCode.Parse("CGc"));
#pragma warning restore SWB0003
        Assert.Contains("repeats the letter 'c'", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Q")]
    [InlineData("GG")]
    [InlineData(" C")]
    public void TryParse_reports_failure_without_throwing(string? code)
    {
        Assert.False(ScopeCode.TryParse(code, out var scope));
        Assert.Equal((Scope)0, scope);
    }

    [Fact]
    public void Parse_rejects_null() => Assert.Throws<ArgumentNullException>(() => ScopeCode.Parse(null!));

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void ToCode_rejects_values_outside_the_three_flags(int value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Scope)value).ToCode());
}
