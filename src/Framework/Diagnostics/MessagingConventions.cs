using System.Diagnostics;

namespace Switchboard;

/// <summary>
/// OpenTelemetry's semantic conventions for messaging, as Switchboard applies them: the attribute names and values,
/// and the span name <c>{operation} {destination}</c>. A destination is <c>project/handler</c>.
/// </summary>
internal static class MessagingConventions
{
    public const string System = "messaging.system";
    public const string SystemName = "switchboard";
    public const string OperationName = "messaging.operation.name";
    public const string OperationType = "messaging.operation.type";
    public const string DestinationName = "messaging.destination.name";

    /// <summary>A message is handed over to be delivered (a send or a request).</summary>
    public const string Send = "send";

    /// <summary>A message arrives from another gateway.</summary>
    public const string Receive = "receive";

    /// <summary>A handler runs for a message.</summary>
    public const string Process = "process";

    public static string Destination(string project, string messageHandler) => project + "/" + messageHandler;

    public static void Tag(Activity activity, string operationName, string operationType, string? project, string? messageHandler)
    {
        var destination = Destination(project ?? "", messageHandler ?? "");
        activity.DisplayName = operationName + " " + destination;
        activity.SetTag(System, SystemName);
        activity.SetTag(OperationName, operationName);
        activity.SetTag(OperationType, operationType);
        activity.SetTag(DestinationName, destination);
    }
}
