using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Switchboard.Generators.Model;
using Switchboard.Generators.Text;

namespace Switchboard.Generators;

public sealed partial class MessageHandlerGenerator
{
    /// <summary>
    /// Groups parsed handlers into projects and names: resolves each handler's project, drops declarations that
    /// repeat a name in a scope already taken, merges each name's scopes, and picks unique C# names.
    /// </summary>
    internal static partial class Planner
    {
        private const int GatewayScope = 2;

        // Member names every XMessages class already has.
        private static readonly string[] ReservedMembers = ["ProjectName", "Registry"];

        public static ImmutableArray<ProjectSpec> Plan(
            ImmutableArray<HandlerSpec> handlers, GenerationSettings settings, CancellationToken cancellationToken)
        {
            if (handlers.IsEmpty)
            {
                return ImmutableArray<ProjectSpec>.Empty;
            }

            var byProject = handlers
                .GroupBy(handler => handler.Project ?? settings.DefaultProject, StringComparer.Ordinal)
                .OrderBy(group => group.Key, StringComparer.Ordinal);
            var classNames = new HashSet<string>(StringComparer.Ordinal);
            var projects = ImmutableArray.CreateBuilder<ProjectSpec>();
            foreach (var project in byProject)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var className = Unique(Identifiers.ToPascalCase(project.Key, "Project") + "Messages", classNames.Contains);
                classNames.Add(className);
                projects.Add(PlanProject(project.Key, className, settings.Namespace, project));
            }

            return projects.ToImmutable();
        }

        private static ProjectSpec PlanProject(string projectName, string className, string @namespace, IEnumerable<HandlerSpec> declared)
        {
            // A name is declared once per scope: of declarations that overlap, the one whose method sorts first is kept
            // and the others are skipped (the analyzers report them).
            var kept = new List<HandlerSpec>();
            var taken = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var handler in declared.OrderBy(handler => handler.Declaration, StringComparer.Ordinal).ThenBy(handler => handler.Scope))
            {
                taken.TryGetValue(handler.Name, out var scopes);
                if ((scopes & handler.Scope) != 0)
                {
                    continue;
                }

                taken[handler.Name] = scopes | handler.Scope;
                kept.Add(handler);
            }

            kept = kept
                .OrderBy(handler => handler.Name, StringComparer.Ordinal)
                .ThenBy(handler => handler.Scope)
                .ThenBy(handler => handler.Declaration, StringComparer.Ordinal)
                .ToList();

            var used = new HashSet<string>(ReservedMembers, StringComparer.Ordinal) { className };
            var groups = kept
                .GroupBy(handler => handler.Name, StringComparer.Ordinal)
                .Select(group => PlanGroup(group.Key, group.ToList(), used))
                .ToEquatableArray();
            return new ProjectSpec(projectName, className, @namespace, kept.ToEquatableArray(), groups);
        }

        private static HandlerGroupSpec PlanGroup(string name, List<HandlerSpec> declarations, HashSet<string> used)
        {
            var scope = 0;
            foreach (var declaration in declarations)
            {
                scope |= declaration.Scope;
            }

            var payload = StubPayload(declarations);
            var response = declarations.FirstOrDefault(handler => (handler.Scope & GatewayScope) != 0)?.Response;
            var (answering, allResponse) = RequestAllResponse(declarations);
            var members = Identifiers.ToPascalCase(name, "Handler");
            var memberName = Unique(members, candidate => MembersOf(candidate, response is not null, allResponse is not null).Any(used.Contains));
            foreach (var member in MembersOf(memberName, response is not null, allResponse is not null))
            {
                used.Add(member);
            }

            var isPublic = (payload?.IsPublic ?? true) && (response?.IsPublic ?? true) && (allResponse?.IsPublic ?? true);
            return new HandlerGroupSpec(
                name,
                scope,
                memberName,
                payload,
                response,
                answering,
                allResponse,
                declarations.Any(handler => handler.IsDurable),
                isPublic,
                declarations.Select(handler => handler.Declaration).ToEquatableArray());
        }

        /// <summary>
        /// One typed payload shared by every declaration that takes one (dictionary declarations are bridged to it);
        /// the dictionary when none is typed; <c>object</c> when declarations disagree; none when none takes a payload.
        /// </summary>
        private static TypeSpec? StubPayload(List<HandlerSpec> declarations)
        {
            TypeSpec? typed = null;
            var anyDictionary = false;
            foreach (var declaration in declarations)
            {
                switch (declaration.PayloadKind)
                {
                    case PayloadKind.Dictionary:
                        anyDictionary = true;
                        break;
                    case PayloadKind.Typed when typed is null:
                        typed = declaration.Payload;
                        break;
                    case PayloadKind.Typed when typed != declaration.Payload:
                        return TypeSpec.Object;
                }
            }

            return typed ?? (anyDictionary ? TypeSpec.Dictionary : null);
        }

        /// <summary>
        /// The scopes whose declarations return a value, and the type a request-all's results carry: the response type
        /// they share, <c>object</c> when they differ, none when no declaration answers.
        /// </summary>
        private static (int Scope, TypeSpec? Response) RequestAllResponse(List<HandlerSpec> declarations)
        {
            var scope = 0;
            TypeSpec? shared = null;
            foreach (var declaration in declarations)
            {
                if (declaration.Response is not { } response)
                {
                    continue;
                }

                scope |= declaration.Scope;
                shared = shared is null || shared == response ? response : TypeSpec.Object;
            }

            return (scope, shared);
        }

        private static IEnumerable<string> MembersOf(string memberName, bool answersRequests, bool answersRequestAlls)
        {
            yield return memberName;
            yield return "Send" + memberName + "Async";
            if (answersRequests)
            {
                yield return "Request" + memberName + "Async";
            }

            if (answersRequestAlls)
            {
                yield return "Request" + memberName + "AllAsync";
                yield return "Request" + memberName + "AllStreamAsync";
            }
        }

        /// <summary>The first of <c>name</c>, <c>name2</c>, <c>name3</c>… that is not taken.</summary>
        private static string Unique(string name, Func<string, bool> isTaken)
        {
            var candidate = name;
            for (var suffix = 2; isTaken(candidate); suffix++)
            {
                candidate = name + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return candidate;
        }
    }
}
