using Switchboard;

// Every [MessageHandler] in this assembly belongs to messaging project "Plant"; the generator writes PlantMessages.
[assembly: MessagingProject("Plant")]

await using var gateway = new Gateway("agent-8088");
gateway.AddProject(PlantMessages.Registry);
await using var client = gateway.ConnectClient(new ClientIdentity { Project = "Plant", User = "operator" });

// sendMessage: the typed stub knows the project, the handler name and the payload type.
foreach (var result in await gateway.SendTankLevelAsync(new TankLevel("T-101", 82.5), scope: Scope.Client | Scope.Gateway))
{
    Console.WriteLine(result);
}

// sendRequest: exactly one gateway handler answers.
var alarms = await client.RequestActiveAlarmsAsync(new AlarmQuery("T-101"));
Console.WriteLine($"active alarms on T-101: {alarms}");

// Closing drains what was accepted, so every handler above has run when this returns.
await gateway.DisposeAsync();

public sealed record TankLevel(string Tank, double Percent);

public sealed record AlarmQuery(string Tank);

public static class PlantHandlers
{
    [MessageHandler("tankLevel", Scope.Gateway)]
    public static void OnGateway(TankLevel level) => Console.WriteLine($"gateway: {level.Tank} at {level.Percent}%");

    [MessageHandler("tankLevel", Scope.Client)]
    public static void OnClient(TankLevel level, Client client) => Console.WriteLine($"client {client.User}: {level.Tank} at {level.Percent}%");

    [MessageHandler("activeAlarms")]
    public static int ActiveAlarms(AlarmQuery query) => query.Tank == "T-101" ? 1 : 0;
}
