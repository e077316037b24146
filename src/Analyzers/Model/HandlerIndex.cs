using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Switchboard.Analyzers.Model;

/// <summary>
/// Every handler the analyzers know of in one compilation, by project and name. Names and projects compare ordinally,
/// as the runtime's routing does. Built once per compilation, then only read (safe across threads).
/// </summary>
internal sealed class HandlerIndex
{
    private readonly Dictionary<string, KnownProject> projects;

    public HandlerIndex(IEnumerable<KnownHandler> handlers)
    {
        var byProject = new Dictionary<string, List<KnownHandler>>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!byProject.TryGetValue(handler.Project, out var list))
            {
                byProject[handler.Project] = list = new List<KnownHandler>();
            }

            list.Add(handler);
        }

        projects = new Dictionary<string, KnownProject>(StringComparer.Ordinal);
        foreach (var pair in byProject)
        {
            projects[pair.Key] = new KnownProject(pair.Key, pair.Value);
        }
    }

    /// <summary>True when no handler is known at all: then project and handler names cannot be checked.</summary>
    public bool IsEmpty => projects.Count == 0;

    public IEnumerable<string> ProjectNames => projects.Keys;

    public KnownProject? Find(string project) => projects.TryGetValue(project, out var known) ? known : null;
}

/// <summary>The known handlers of one project.</summary>
internal sealed class KnownProject
{
    private readonly Dictionary<string, ImmutableArray<KnownHandler>> byName;

    private readonly CaseTwins caseTwins;

    public KnownProject(string name, IReadOnlyList<KnownHandler> handlers)
    {
        Name = name;
        var builders = new Dictionary<string, ImmutableArray<KnownHandler>.Builder>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!builders.TryGetValue(handler.Name, out var builder))
            {
                builders[handler.Name] = builder = ImmutableArray.CreateBuilder<KnownHandler>();
            }

            builder.Add(handler);
        }

        byName = new Dictionary<string, ImmutableArray<KnownHandler>>(StringComparer.Ordinal);
        foreach (var pair in builders)
        {
            byName[pair.Key] = pair.Value.ToImmutable();
        }

        caseTwins = new CaseTwins(byName.Keys);
    }

    public string Name { get; }

    public IEnumerable<string> HandlerNames => byName.Keys;

    /// <summary>Every declaration of <paramref name="name"/> (one per scope, or more when duplicated); empty when none.</summary>
    public ImmutableArray<KnownHandler> Named(string name) =>
        byName.TryGetValue(name, out var handlers) ? handlers : ImmutableArray<KnownHandler>.Empty;

    /// <summary>The other declared names equal to <paramref name="name"/> ignoring case (usually none).</summary>
    public IEnumerable<string> CaseTwinsOf(string name) => caseTwins.Of(name);
}
