// GatewayNetwork: Ignition's gateway network on Redis. Run each role as its own process (see README.md):
//   gateway agent-8088        a gateway that hosts project X and joins the network
//   gateway agent-9000        a second one
//   client agent-9000         a remote client of agent-9000 that runs Example 3 and a remote request, then exits
// Options: --redis <StackExchange.Redis configuration> (default localhost:6379), --network <name> (default switchboard),
//          --durable on (gateway only: run the messages sent to it with SendDurableAsync, at least once),
//          --user <name> (client only, default bob).
using Switchboard.Samples.GatewayNetwork;

var arguments = SampleArguments.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine("usage: GatewayNetwork gateway <name> | client <gateway> [--user <name>] [--redis <configuration>] [--network <name>]");
    return 2;
}

return arguments.Role == "gateway"
    ? await GatewayProcess.RunAsync(arguments)
    : await ClientProcess.RunAsync(arguments);
