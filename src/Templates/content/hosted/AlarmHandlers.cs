using Microsoft.Extensions.Logging;
using Switchboard;

public sealed record Alarm(string Tag, string Text);

/// <summary>Gateway handlers for project Plant. Other gateways reach them with <c>remoteServers: ["agent-8088"]</c>.</summary>
public sealed class AlarmHandlers(ILogger<AlarmHandlers> log)
{
    [MessageHandler("alarm")]
    public void OnAlarm(Alarm alarm, MessageContext context) =>
        log.LogInformation("{Gateway} got alarm {Tag}: {Text} from {Sender}", context.Gateway.Name, alarm.Tag, alarm.Text, context.Sender);
}
