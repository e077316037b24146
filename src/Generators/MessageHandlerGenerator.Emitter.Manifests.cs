using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Switchboard.Analyzers;
using Switchboard.Generators.Model;
using Switchboard.Generators.Text;
using Switchboard.Manifests;

namespace Switchboard.Generators;

public sealed partial class MessageHandlerGenerator
{
    internal static partial class Emitter
    {
        /// <summary>The hint name of the manifest export; the build targets find the file by it.</summary>
        public const string ExportHintName = "Switchboard.Manifest.g.cs";

        /// <summary>The markers around the JSON in the export, which the build targets cut out.</summary>
        public const string ExportStart = "/*switchboard-manifest";
        public const string ExportEnd = "switchboard-manifest*/";

        /// <summary>Writes a foreign project's <c>XMessages.Stubs.g.cs</c>: fields and typed stubs, no registry.</summary>
        public static void EmitForeign(SourceProductionContext output, ProjectSpec project)
        {
            output.CancellationToken.ThrowIfCancellationRequested();
            Add(output, project.ClassName + GeneratedBy.StubsFileSuffix, ForeignStubs(project));
        }

        /// <summary>Writes <see cref="ExportHintName"/>: this compilation's manifest, as JSON in a comment.</summary>
        public static void EmitExport(SourceProductionContext output, ImmutableArray<ProjectSpec> projects)
        {
            if (!projects.IsEmpty)
            {
                Add(output, ExportHintName, Export(projects));
            }
        }

        public static string ForeignStubs(ProjectSpec project)
        {
            var writer = Start();
            OpenNamespace(writer, project);
            writer.Line("/// <summary>")
                .Line($"/// Typed access to the messaging project <c>{Identifiers.Xml(project.ProjectName)}</c>, which is built elsewhere: made from its")
                .Line($"/// handler manifest ({DeclaredBy(project.Groups[0])}). Its handlers run on the gateway that adds that project, so send")
                .Line("/// with <c>remoteServers</c> (requests: <c>remoteServer</c>) naming that gateway.")
                .Line("/// </summary>")
                .Line(GeneratedCode)
                .Line($"internal static partial class {project.ClassName}")
                .Open()
                .Line($"/// <summary>The project name, <c>{Identifiers.Xml(project.ProjectName)}</c>.</summary>")
                .Line($"public const string ProjectName = {Identifiers.Literal(project.ProjectName)};");
            GroupMembers(writer, project);

            writer.Close();
            CloseNamespace(writer, project);
            return writer.ToString();
        }

        /// <summary>
        /// Each handler name's field, send stub, request stub (for a gateway handler that returns a value) and
        /// request-all stubs (for a name some declaration answers).
        /// </summary>
        private static void GroupMembers(IndentedWriter writer, ProjectSpec project)
        {
            foreach (var group in project.Groups)
            {
                writer.Line();
                Field(writer, group);
                writer.Line();
                SendStub(writer, group);
                if (group.Response is not null)
                {
                    writer.Line();
                    RequestStub(writer, group);
                }

                RequestAllStubs(writer, group);
            }
        }

        public static string Export(ImmutableArray<ProjectSpec> projects)
        {
            var manifest = new List<ManifestProject>(projects.Length);
            foreach (var project in projects)
            {
                var handlers = new List<ManifestHandler>(project.Groups.Count);
                foreach (var group in project.Groups)
                {
                    handlers.Add(new ManifestHandler(group.Name, group.Scope, ManifestTypeOf(group.Payload), ManifestTypeOf(ManifestResponse(group)), group.IsDurable));
                }

                manifest.Add(new ManifestProject(project.ProjectName, handlers));
            }

            manifest.Sort((left, right) => string.CompareOrdinal(left.Name, right.Name));
            return Start()
                .Line("// This compilation's handler manifest. The Switchboard build targets copy the JSON below to")
                .Line("// $(OutDir)$(AssemblyName).switchboard.json, for projects that send to these handlers from elsewhere")
                .Line("// (see docs/generator.md, \"Handlers built elsewhere\").")
                .Line(ExportStart)
                .ToString()
                + ManifestJson.Write(new HandlerManifest(manifest))
                + ExportEnd + "\n";
        }

        private static ManifestType? ManifestTypeOf(TypeSpec? type) => type is null
            ? null
            : new ManifestType(type.Name, type.MetadataName, type.IsDictionary, type.Properties is { } properties ? [.. properties] : null);
    }
}
