using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Switchboard.Analyzers.Tests.Support;

/// <summary>
/// Runs an analyzer (and a code fix) over test sources written with Microsoft.CodeAnalysis.Testing markup
/// (<c>{|SWB0001:"tset"|}</c>). Every source gets <see cref="TestReferences.Usings"/> prepended.
/// A <c>library</c> source becomes a separate project, "Lib", that the tested project references: the cross-assembly case.
/// </summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public const string LibraryName = "Lib";

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        AnalyzerAsync(source, library: null, expected);

    public static async Task AnalyzerAsync(string source, string? library, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>();
        Configure(test, source, library);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    /// <summary>
    /// Applies <typeparamref name="TCodeFix"/> one diagnostic at a time and with FixAll (document, project, solution),
    /// and checks both give <paramref name="fixedSource"/>. <paramref name="fixAllIterations"/> is how many FixAll
    /// passes it takes when fixes of different kinds (equivalence keys) are mixed. A <paramref name="fixedSource"/>
    /// equal to <paramref name="source"/> asserts that no fix is offered at all. <paramref name="title"/>, when given,
    /// is the title every applied fix must have.
    /// </summary>
    public static async Task CodeFixAsync<TCodeFix>(
        string source, string fixedSource, string? library = null, int fixAllIterations = 1, string? title = null)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> { NumberOfFixAllIterations = fixAllIterations };
        if (title is not null)
        {
            test.CodeActionVerifier = (action, verifier) => verifier.Equal(title, action.Title, "code fix title");
        }

        if (fixedSource == source)
        {
            test.NumberOfIncrementalIterations = 0;
            test.NumberOfFixAllIterations = 0;
        }

        Configure(test, source, library);
        test.FixedState.Sources.Add(TestReferences.Usings + fixedSource);
        if (library is not null)
        {
            test.FixedState.AdditionalProjectReferences.Add(LibraryName);
        }

        await test.RunAsync();
    }

    private static void Configure(AnalyzerTest<DefaultVerifier> test, string source, string? library)
    {
        test.ReferenceAssemblies = TestReferences.Net100;
        test.TestState.Sources.Add(TestReferences.Usings + source);
        test.TestState.AdditionalReferences.Add(TestReferences.Switchboard);
        if (library is not null)
        {
            var project = new ProjectState(LibraryName, Microsoft.CodeAnalysis.LanguageNames.CSharp, "/Lib/Test", "cs");
            project.Sources.Add(TestReferences.Usings + library);
            project.AdditionalReferences.Add(TestReferences.Switchboard);
            test.TestState.AdditionalProjects.Add(LibraryName, project);
            test.TestState.AdditionalProjectReferences.Add(LibraryName);
        }
    }
}
