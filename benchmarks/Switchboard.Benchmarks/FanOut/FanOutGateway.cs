using Switchboard.Benchmarks.Contenders;

namespace Switchboard.Benchmarks.FanOut;

/// <summary>
/// A gateway with <c>n</c> sessions of project <c>Bench</c>, ten of which (spread evenly) are user <c>alice</c>,
/// hold role <c>supervisor</c> and run on host <c>panel-7</c>; the rest have their own user, role <c>operator</c>
/// and one of a hundred other hosts.
/// </summary>
public static class FanOutGateway
{
    /// <summary>How many sessions each selective filter matches.</summary>
    public const int Matching = 10;

    /// <summary>Creates the gateway and opens its sessions.</summary>
    /// <param name="sessions">How many sessions to open.</param>
    /// <param name="sharedQueueCapacity">How many deliveries the shared queue holds.</param>
    public static Gateway Create(int sessions, int sharedQueueCapacity)
    {
        var gateway = new Gateway("bench-gateway", new GatewayOptions { SharedQueueCapacity = sharedQueueCapacity });
        gateway.AddProject(BenchMessages.Registry);
        var stride = sessions / Matching;
        string[] supervisor = ["supervisor"];
        string[] operatorRole = ["operator"];
        for (var i = 0; i < sessions; i++)
        {
            var matches = i % stride == 0;
            gateway.OpenSession(new SessionIdentity
            {
                Project = "Bench",
                User = matches ? "alice" : "user" + i,
                Roles = matches ? supervisor : operatorRole,
                HostName = matches ? "panel-7" : "host" + (i % 100),
                Address = "127.0.0.1",
            });
        }

        return gateway;
    }
}
