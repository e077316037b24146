using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace Switchboard.Benchmarks.Build;

/// <summary>
/// Parses, compiles and emits a project in memory with the settings <c>csc</c> gets from a Release build of an SDK
/// project: the latest language version, no documentation file (so doc comments are not parsed), nullable enabled,
/// optimized, deterministic, concurrent, against the .NET 10 reference assemblies and Switchboard with its dependencies,
/// emitting the assembly, its portable PDB and its reference assembly, each to a <see cref="MemoryStream"/>.
/// </summary>
public static class ProjectCompiler
{
    /// <summary>The parse options of every tree, the generator's included.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    /// <summary>A Release build of an SDK library: nullable on, optimized, deterministic, concurrent.</summary>
    public static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        optimizationLevel: OptimizationLevel.Release,
        deterministic: true,
        concurrentBuild: true);

    // With a reference assembly beside it, csc emits without private members in that one (the main assembly keeps them).
    private static readonly EmitOptions EmitOptions = new(debugInformationFormat: DebugInformationFormat.PortablePdb, includePrivateMembers: false);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    /// <summary>What the project compiles against: the .NET 10 reference assemblies, Switchboard and what it references.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>
    /// Parses <paramref name="files"/> (name, text), in parallel as <c>csc</c> does in a concurrent build, and makes a
    /// compilation of them; nothing is bound yet. (The generator's output is parsed later, and lazily: the driver
    /// parses each generated file when the compile first needs it.)
    /// </summary>
    public static CSharpCompilation Compile(IReadOnlyList<(string Name, SourceText Text)> files)
    {
        var trees = new SyntaxTree[files.Count];
        Parallel.For(0, files.Count, i => trees[i] = CSharpSyntaxTree.ParseText(files[i].Text, ParseOptions, files[i].Name));
        return CSharpCompilation.Create("Generated", trees, References, CompilationOptions);
    }

    /// <summary>Compiles and emits <paramref name="compilation"/>; throws with its first errors if it does not compile.</summary>
    public static EmitResult Emit(Compilation compilation)
    {
        using var assembly = new MemoryStream();
        using var pdb = new MemoryStream();
        using var referenceAssembly = new MemoryStream();
        var result = compilation.Emit(assembly, pdb, metadataPEStream: referenceAssembly, options: EmitOptions);
        if (!result.Success)
        {
            throw new InvalidOperationException(
                "The project did not compile: " + string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        }

        return result;
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var framework = Basic.Reference.Assemblies.Net100.References.All;
        var frameworkNames = framework.Select(reference => Path.GetFileNameWithoutExtension(reference.FilePath)).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Switchboard and the assemblies it references that are not part of the framework (Microsoft.Extensions.*), as
        // a package reference would bring them.
        var switchboard = typeof(Gateway).Assembly;
        var dependencies = switchboard.GetReferencedAssemblies()
            .Where(name => !frameworkNames.Contains(name.Name!))
            .Select(name => System.Reflection.Assembly.Load(name).Location);
        return [.. framework, .. dependencies.Prepend(switchboard.Location).Distinct().Select(path => MetadataReference.CreateFromFile(path))];
    }
}
