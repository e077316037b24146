using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Generators;

namespace Switchboard.Benchmarks.Build;

/// <summary>
/// Switchboard's generators and analyzers as the compiler finds them: every type of the generators' assembly marked
/// <see cref="GeneratorAttribute"/>, and every type of <c>Switchboard.Analyzers</c> marked
/// <see cref="DiagnosticAnalyzerAttribute"/> for C#, a new instance of each per call (the code-fix assembly holds no
/// analyzer). The driver is created as <c>csc</c> creates it: host outputs off, no step tracking.
/// </summary>
public static class SwitchboardComponents
{
    private static readonly Type[] GeneratorTypes = [.. typeof(MessageHandlerGenerator).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && type.GetCustomAttributes<GeneratorAttribute>().Any())];

    private static readonly Type[] AnalyzerTypes = [.. Assembly.Load(new AssemblyName("Switchboard.Analyzers")).GetTypes()
        .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
            && type.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(attribute => attribute.Languages.Contains(LanguageNames.CSharp)))];

    /// <summary>A generator driver with all of Switchboard's generators, ready to run once.</summary>
    public static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(
            [.. GeneratorTypes.Select(type => Activator.CreateInstance(type) switch
            {
                IIncrementalGenerator incremental => incremental.AsSourceGenerator(),
                ISourceGenerator generator => generator,
                var other => throw new InvalidOperationException($"{other?.GetType()} is neither kind of generator."),
            })],
            parseOptions: ProjectCompiler.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.Host, trackIncrementalGeneratorSteps: false));

    /// <summary>New instances of every Switchboard analyzer.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers() =>
        [.. AnalyzerTypes.Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)];

    /// <summary>How many generator types were found.</summary>
    public static int GeneratorCount => GeneratorTypes.Length;
}
