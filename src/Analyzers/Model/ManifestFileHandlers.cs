using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Switchboard.Manifests;

namespace Switchboard.Analyzers.Model;

/// <summary>
/// The handlers of projects built elsewhere, from the <c>*.switchboard.json</c> manifests among the additional files.
/// A project already known from source or a referenced assembly is skipped: what the compilation can see wins over
/// a file that may be stale. A file that cannot be read adds nothing (SWB0020 reports it).
/// </summary>
internal static class ManifestFileHandlers
{
    public static void Add(Compilation compilation, ImmutableArray<AdditionalText> files, List<KnownHandler> handlers)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            known.Add(handler.Project);
        }

        var added = new HashSet<(string Project, string Name)>();
        foreach (var (file, manifest) in Read(files))
        {
            var origin = "manifest " + Path.GetFileName(file.Path);
            foreach (var project in manifest.Projects)
            {
                if (known.Contains(project.Name))
                {
                    continue;
                }

                foreach (var handler in project.Handlers)
                {
                    if (!added.Add((project.Name, handler.Name)))
                    {
                        continue;
                    }

                    // A payload this compilation cannot name is not known as a type; its shape is still checked.
                    var payloadType = Resolve(compilation, handler.Payload);
                    handlers.Add(new KnownHandler(
                        project.Name,
                        handler.Name,
                        (ScopeFlags)handler.Scope,
                        isPayloadKnown: handler.Payload is null || payloadType is not null,
                        payloadType,
                        returnsValue: handler.Response is not null,
                        method: null,
                        origin,
                        responseType: handler.AnswersRequests ? Resolve(compilation, handler.Response) : null,
                        manifestPayload: handler.Payload,
                        isDurable: handler.IsDurable));
                }
            }
        }
    }

    /// <summary>The manifest files, in file-name order, each read or with the reason it cannot be.</summary>
    public static IEnumerable<(AdditionalText File, HandlerManifest Manifest)> Read(ImmutableArray<AdditionalText> files)
    {
        foreach (var (file, manifest, _) in ReadAll(files, CancellationToken.None))
        {
            if (manifest is not null)
            {
                yield return (file, manifest);
            }
        }
    }

    public static IEnumerable<(AdditionalText File, HandlerManifest? Manifest, string? Error)> ReadAll(
        ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        var manifests = new List<AdditionalText>();
        foreach (var file in files)
        {
            if (HandlerManifest.IsManifestPath(file.Path))
            {
                manifests.Add(file);
            }
        }

        manifests.Sort((left, right) => string.CompareOrdinal(Path.GetFileName(left.Path), Path.GetFileName(right.Path)));
        foreach (var file in manifests)
        {
            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                yield return (file, null, "the file cannot be read");
                continue;
            }

            var manifest = ManifestJson.Read(text.ToString(), out var error);
            yield return (file, manifest, error);
        }
    }

    /// <summary>The payload type when this compilation can name it; otherwise the manifest's shape is all there is.</summary>
    private static ITypeSymbol? Resolve(Compilation compilation, ManifestType? type)
    {
        if (type?.MetadataName is not { } name || type.IsDictionary)
        {
            return null;
        }

        var symbol = compilation.GetTypeByMetadataName(name);
        return symbol is not null && compilation.IsSymbolAccessibleWithin(symbol, compilation.Assembly) ? symbol : null;
    }
}
