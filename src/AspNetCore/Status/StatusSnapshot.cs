using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Network;

namespace Switchboard.AspNetCore;

/// <summary>What the status page shows at one moment (Ignition's Gateway Status &gt; Diagnostics).</summary>
internal sealed record StatusSnapshot(
    string Gateway,
    string[]? NetworkMembers,
    StatusEndpoint[] Endpoints,
    StatusProject[] Projects,
    SendLogEntry[] Log,
    SortedDictionary<string, long> Counters)
{
    public static StatusSnapshot Take(IServiceProvider services)
    {
        var gateway = services.GetRequiredService<Gateway>();
        var network = services.GetService<GatewayNetwork>();
        var registries = services.GetServices<IProjectRegistry>();
        return new StatusSnapshot(
            gateway.Name,
            network is null ? null : [.. network.LiveGateways.Order(StringComparer.Ordinal)],
            [.. gateway.GetAttachedEndpoints().Select(StatusEndpoint.From)],
            [.. registries
                .SelectMany(registry => registry.Handlers)
                .GroupBy(handler => handler.Project, StringComparer.Ordinal)
                .OrderBy(group => group.Key, StringComparer.Ordinal)
                .Select(group => new StatusProject(group.Key, [.. group
                    .OrderBy(handler => handler.Name, StringComparer.Ordinal)
                    .Select(handler => new StatusHandler(handler.Name, handler.Scope.ToCode(), handler.Threading.ToString(), handler.RequiredRole))]))],
            [.. Enumerable.Reverse(services.GetRequiredService<SendLog>().Snapshot())],
            services.GetRequiredService<SwitchboardCounters>().Snapshot());
    }
}

/// <summary>An attached client or session and its identity.</summary>
internal sealed record StatusEndpoint(string Kind, string SessionId, string Project, string? User, string[] Roles, string? HostName, string? Address)
{
    public static StatusEndpoint From(AttachedEndpoint endpoint) =>
        new(endpoint.Kind.ToString(), endpoint.SessionId, endpoint.Project, endpoint.User, [.. endpoint.Roles], endpoint.HostName, endpoint.Address);
}

/// <summary>A project and its handlers.</summary>
internal sealed record StatusProject(string Name, StatusHandler[] Handlers);

/// <summary>One handler: name, scope code, threading and required role.</summary>
internal sealed record StatusHandler(string Name, string Scope, string Threading, string? RequiredRole);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StatusSnapshot))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
