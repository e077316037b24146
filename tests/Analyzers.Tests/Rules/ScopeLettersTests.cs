using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.InvalidScopeAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

/// <summary>SWB0003 beyond sends: constant scope letters passed to any parameter marked <c>[ScopeLetters]</c>.</summary>
public sealed class ScopeLettersTests
{
    [Fact]
    public async Task ScopeCode_Parse_with_an_unknown_letter_is_an_error()
    {
        var source = """
            public static class Scopes
            {
                public static Scope Parsed() => ScopeCode.Parse({|#0:"CGX"|});

                public static bool Tried() => ScopeCode.TryParse({|#1:"CC"|}, out _);
            }
            """;
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.InvalidScope).WithLocation(0)
                .WithArguments("The scope string \"CGX\" has the unknown letter 'X'; the allowed letters are C, G, S"),
            new DiagnosticResult(DiagnosticDescriptors.InvalidScope).WithLocation(1)
                .WithArguments("The scope string \"CC\" repeats the letter 'C'; use each of C, G, S at most once"));
    }

    [Fact]
    public async Task A_parameter_of_your_own_marked_ScopeLetters_is_checked_in_calls_and_constructors()
    {
        var source = """
            public sealed class Broadcast
            {
                public Broadcast([ScopeLetters] string scope) { }

                public static void To([ScopeLetters] string? scope = null) { }

                public static void Run()
                {
                    Broadcast.To({|#0:""|});
                    _ = new Broadcast({|#1:"Q"|});
                }
            }
            """;
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.InvalidScope).WithLocation(0)
                .WithArguments("A scope string must not be empty; use one or more of the letters C, G, S"),
            new DiagnosticResult(DiagnosticDescriptors.InvalidScope).WithLocation(1)
                .WithArguments("The scope string \"Q\" has the unknown letter 'Q'; the allowed letters are C, G, S"));
    }

    [Fact]
    public async Task Valid_letters_in_any_case_and_order_and_non_constants_are_not_reported()
    {
        var source = """
            public static class Scopes
            {
                public static void Run(string fromConfig)
                {
                    _ = ScopeCode.Parse("sgc");
                    _ = ScopeCode.Parse("G");
                    _ = ScopeCode.Parse(fromConfig);
                    _ = ScopeCode.Parse(null!);
                    _ = ScopeCode.TryParse(fromConfig, out _);
                    Other("CGX");
                }

                private static void Other(string notScopeLetters) { }
            }
            """;
        await Verifier.AnalyzerAsync(source);
    }
}
