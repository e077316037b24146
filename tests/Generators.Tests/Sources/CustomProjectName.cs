using Switchboard;

[assembly: MessagingProject("Plant Floor")]

namespace Plant.Floor;

public static class Handlers
{
    [MessageHandler("lineStopped")]
    public static void LineStopped()
    {
    }

    // A handler may name another project; it gets its own class and registry.
    [MessageHandler("lineStopped", Scope.Client, Project = "line-2")]
    public static void LineTwoStopped()
    {
    }
}
