using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace Switchboard.Analyzers.Tests.Support;

/// <summary>What every test compilation references: .NET 10 and the real Switchboard assembly.</summary>
internal static class TestReferences
{
    /// <summary>
    /// .NET 10 reference assemblies. The built-in presets ask for a Microsoft.NETCore.App.Ref version the package
    /// source lacks, so the version is named here.
    /// </summary>
    public static ReferenceAssemblies Net100 { get; } = new(
        "net10.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
        Path.Combine("ref", "net10.0"));

    public static MetadataReference Switchboard { get; } = MetadataReference.CreateFromFile(typeof(Gateway).Assembly.Location);

    /// <summary>A library compilation of <paramref name="source"/> against .NET 10 and Switchboard, nullable enabled.</summary>
    public static async Task<CSharpCompilation> CompileAsync(string assemblyName, string source)
    {
        var references = (await Net100.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).Add(Switchboard);
        return CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>The usings every test source starts with.</summary>
    public const string Usings = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Switchboard;

        """;
}
