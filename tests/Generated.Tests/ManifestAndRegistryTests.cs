using System.Reflection;
using Switchboard.Generated.Tests.Handlers;

namespace Switchboard.Generated.Tests;

/// <summary>What the generator declared for this assembly: the registry's descriptors and the manifest attributes.</summary>
public sealed class ManifestAndRegistryTests
{
    [Fact]
    public void The_registry_has_one_descriptor_per_declaration_with_the_attribute_settings()
    {
        var registry = E2EMessages.Registry;

        Assert.Equal("E2E", registry.ProjectName);
        Assert.Equal(
            ["add", "addLater", "audit", "auditCount", "batchTotal", "clientLoad", "count", "describe", "health", "health", "health", "ping", "reading", "reading", "reading", "secret", "setpoint", "whoAsked"],
            registry.Handlers.Select(handler => handler.Name));
        var setpoint = registry.Handlers.Single(handler => handler.Name == "setpoint");
        Assert.Equal(HandlerThreading.Dedicated, setpoint.Threading);
        Assert.Equal(typeof(Setpoint), setpoint.PayloadType);
        Assert.Equal("Administrator", registry.Handlers.Single(handler => handler.Name == "secret").RequiredRole);
        Assert.Equal(typeof(int), registry.Handlers.Single(handler => handler.Name == "addLater").ResponseType);
    }

    [Fact]
    public void The_manifest_names_every_handler_with_merged_scopes_and_types()
    {
        var manifest = typeof(E2EMessages).Assembly.GetCustomAttributes<MessageHandlerManifestAttribute>()
            .Where(entry => entry.Project == "E2E").ToDictionary(entry => entry.Name);

        Assert.Equal(14, manifest.Count);
        var reading = manifest["reading"];
        Assert.Equal(("E2E", ScopeCode.All, typeof(Reading), (Type?)null), (reading.Project, reading.Scope, reading.PayloadType, reading.ResponseType));
        var add = manifest["add"];
        Assert.Equal((Scope.Gateway, typeof(Sum), typeof(int)), (add.Scope, add.PayloadType, add.ResponseType));
        Assert.Null(manifest["ping"].PayloadType);

        // No gateway declaration: the manifest records what the clients answer request-alls with.
        Assert.Equal((Scope.Client, typeof(int)), (manifest["clientLoad"].Scope, manifest["clientLoad"].ResponseType));
    }

    [Fact]
    public void The_typed_fields_carry_project_name_and_merged_scope()
    {
        Assert.Equal(("E2E", "reading", ScopeCode.All), (E2EMessages.Reading.Project, E2EMessages.Reading.Name, E2EMessages.Reading.Scope));
        Assert.IsType<RequestHandlerRef<Sum, int>>(E2EMessages.Add);
        Assert.IsType<RequestHandlerRef<string?>>(E2EMessages.WhoAsked);
        Assert.IsType<MessageHandlerRef>(E2EMessages.Ping);
    }
}
