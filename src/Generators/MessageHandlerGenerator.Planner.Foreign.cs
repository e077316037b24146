using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Switchboard.Generators.Model;
using Switchboard.Generators.Text;

namespace Switchboard.Generators;

public sealed partial class MessageHandlerGenerator
{
    internal static partial class Planner
    {
        private static readonly EquatableArray<HandlerSpec> NoHandlers = EquatableArray<HandlerSpec>.Empty;

        /// <summary>
        /// One stubs-only project per foreign project named in the manifests. A project this compilation declares
        /// itself is skipped (its own handlers are the truth); of two files naming the same handler, the first file
        /// by name wins. Payload and response types this compilation cannot name become a dictionary or <c>object</c>.
        /// </summary>
        public static ImmutableArray<ProjectSpec> PlanForeign(
            ImmutableArray<ManifestFileSpec> files,
            EquatableArray<string> availableTypes,
            ImmutableArray<ProjectSpec> localProjects,
            GenerationSettings settings,
            CancellationToken cancellationToken)
        {
            if (files.IsEmpty)
            {
                return ImmutableArray<ProjectSpec>.Empty;
            }

            var available = new HashSet<string>(availableTypes, System.StringComparer.Ordinal);
            var localNames = new HashSet<string>(localProjects.Select(project => project.ProjectName), System.StringComparer.Ordinal);
            var classNames = new HashSet<string>(localProjects.Select(project => project.ClassName), System.StringComparer.Ordinal);
            var byProject = new SortedDictionary<string, SortedDictionary<string, (ManifestEntrySpec Entry, string File)>>(System.StringComparer.Ordinal);
            foreach (var file in files.OrderBy(file => file.FileName, System.StringComparer.Ordinal))
            {
                foreach (var entry in file.Entries)
                {
                    if (localNames.Contains(entry.Project))
                    {
                        continue;
                    }

                    if (!byProject.TryGetValue(entry.Project, out var handlers))
                    {
                        byProject[entry.Project] = handlers = new SortedDictionary<string, (ManifestEntrySpec, string)>(System.StringComparer.Ordinal);
                    }

                    if (!handlers.ContainsKey(entry.Name))
                    {
                        handlers[entry.Name] = (entry, file.FileName);
                    }
                }
            }

            var projects = ImmutableArray.CreateBuilder<ProjectSpec>();
            foreach (var project in byProject)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var className = Unique(Identifiers.ToPascalCase(project.Key, "Project") + "Messages", classNames.Contains);
                classNames.Add(className);
                var used = new HashSet<string>(ReservedMembers, System.StringComparer.Ordinal) { className };
                var groups = project.Value.Values
                    .Select(handler => PlanForeignGroup(handler.Entry, handler.File, available, used))
                    .ToEquatableArray();
                projects.Add(new ProjectSpec(project.Key, className, settings.Namespace, NoHandlers, groups));
            }

            return projects.ToImmutable();
        }

        private static HandlerGroupSpec PlanForeignGroup(ManifestEntrySpec entry, string file, HashSet<string> available, HashSet<string> used)
        {
            var payload = entry.Payload is null || entry.Payload.IsDictionary || IsAvailable(entry.Payload, available) ? entry.Payload : entry.PayloadFallback;
            var answer = entry.Response is null || IsAvailable(entry.Response, available) ? entry.Response : TypeSpec.Object;

            // A manifest records the gateway declaration's response (what a request gets), or, for a name no gateway
            // declares, what its client and session declarations answer request-alls with.
            var declaresGateway = (entry.Scope & GatewayScope) != 0;
            var response = declaresGateway ? answer : null;
            var answering = answer is null ? 0 : declaresGateway ? GatewayScope : entry.Scope;
            var memberName = Unique(
                Identifiers.ToPascalCase(entry.Name, "Handler"), candidate => MembersOf(candidate, response is not null, answer is not null).Any(used.Contains));
            foreach (var member in MembersOf(memberName, response is not null, answer is not null))
            {
                used.Add(member);
            }

            // Internal: the stubs are this compilation's view of another project, not part of its public API.
            return new HandlerGroupSpec(
                entry.Name, entry.Scope, memberName, payload, response, answering, answer, entry.IsDurable, IsPublic: false, new[] { "manifest " + file }.ToEquatableArray());
        }

        private static bool IsAvailable(TypeSpec type, HashSet<string> available) =>
            type.MetadataName is { } name && available.Contains(name);
    }
}
