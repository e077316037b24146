namespace Switchboard.Generated.Tests;

/// <summary>A gateway of its own per test (handlers record per gateway name), with project E2E added the generated way.</summary>
internal static class TestGateway
{
    public static Gateway Create(IServiceProvider? services = null)
    {
        var gateway = new Gateway("g-" + Guid.NewGuid().ToString("N"), new GatewayOptions { Services = services });
        gateway.AddProject(E2EMessages.Registry);
        return gateway;
    }
}
