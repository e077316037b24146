using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Model;

namespace Switchboard.Analyzers.Rules;

/// <summary>SWB0017: a <c>*.switchboard.json</c> additional file that is not a handler manifest this version reads.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class UnreadableManifestAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnreadableManifest);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(compilation =>
        {
            foreach (var (file, manifest, error) in ManifestFileHandlers.ReadAll(compilation.Options.AdditionalFiles, compilation.CancellationToken))
            {
                if (manifest is null)
                {
                    compilation.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.UnreadableManifest,
                        Location.Create(file.Path, default, default),
                        file.Path,
                        error));
                }
            }
        });
    }
}
