using Microsoft.CodeAnalysis;
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
