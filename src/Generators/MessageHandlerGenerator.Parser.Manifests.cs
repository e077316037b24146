using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Switchboard.Generators.Model;
using Switchboard.Manifests;

namespace Switchboard.Generators;

public sealed partial class MessageHandlerGenerator
{
    internal static partial class Parser
    {
        /// <summary>Reads a manifest file into values; an unreadable one gives no entries (SWB0020 reports it).</summary>
        public static ManifestFileSpec ParseManifestFile(AdditionalText file, CancellationToken cancellationToken)
        {
            var entries = ImmutableArray.CreateBuilder<ManifestEntrySpec>();
            var text = file.GetText(cancellationToken)?.ToString();
            if (text is not null && ManifestJson.Read(text, out _) is { } manifest)
            {
                foreach (var project in manifest.Projects)
                {
                    foreach (var handler in project.Handlers)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var payload = handler.Payload is { IsDictionary: true } ? TypeSpec.Dictionary : SpecOf(handler.Payload);
                        var fallback = handler.Payload is null ? null
                            : handler.Payload.Properties is not null ? TypeSpec.Dictionary
                            : TypeSpec.Object;
                        entries.Add(new ManifestEntrySpec(
                            project.Name,
                            handler.Name,
                            handler.Scope,
                            payload,
                            fallback,
                            SpecOf(handler.Response),
                            handler.IsDurable));
                    }
                }
            }

            return new ManifestFileSpec(Path.GetFileName(file.Path), entries.ToImmutable().ToEquatableArray());
        }

        /// <summary>The metadata names of the manifests' types, to look up in the compilation.</summary>
        public static EquatableArray<string> ManifestTypeNames(ImmutableArray<ManifestFileSpec> files)
        {
            var names = new SortedSet<string>(System.StringComparer.Ordinal);
            foreach (var file in files)
            {
                foreach (var entry in file.Entries)
                {
                    Add(entry.Payload);
                    Add(entry.Response);
                }
            }

            return names.ToEquatableArray();

            void Add(TypeSpec? type)
            {
                if (type?.MetadataName is { } name)
                {
                    names.Add(name);
                }
            }
        }

        /// <summary>
        /// Which of <paramref name="names"/> this compilation can name (declared or referenced, and accessible): the
        /// stubs take those types, and fall back to a dictionary or <c>object</c> for the rest. Only names leave
        /// this step, so the compilation is not held downstream.
        /// </summary>
        public static EquatableArray<string> ResolveTypeNames(EquatableArray<string> names, Compilation compilation, CancellationToken cancellationToken)
        {
            if (names.Count == 0)
            {
                return names;
            }

            var available = ImmutableArray.CreateBuilder<string>();
            foreach (var name in names)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (compilation.GetTypeByMetadataName(name) is { } type && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
                {
                    available.Add(name);
                }
            }

            return available.ToImmutable().ToEquatableArray();
        }

        private static TypeSpec? SpecOf(ManifestType? type) =>
            type is null ? null : new TypeSpec(type.Name, type.Name, IsPublic: false) { MetadataName = type.MetadataName };
    }
}
