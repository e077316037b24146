namespace Switchboard.Samples.GatewayNetwork;

/// <summary>
/// Where project X's handlers print in this process: each line is prefixed with the process's role, and the first
/// line completes <see cref="FirstLine"/>, so that the client knows when its own handler has run.
/// </summary>
internal sealed class HandlerOutput(string prefix)
{
    private readonly TaskCompletionSource firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task FirstLine => firstLine.Task;

    public void WriteLine(string line)
    {
        Console.WriteLine($"[{prefix}] {line}");
        firstLine.TrySetResult();
    }

    /// <summary>Prints a payload the way Ignition prints its dictionary: <c>{first=Hello, second=World}</c>.</summary>
    public static string Format(IReadOnlyDictionary<string, object?> payload) =>
        "{" + string.Join(", ", payload.Select(pair => $"{pair.Key}={pair.Value}")) + "}";

    /// <summary>Names who sent a message: <c>Client 76D17905 of agent-9000</c>, or <c>Gateway agent-8088</c>.</summary>
    public static string Describe(SenderInfo sender) =>
        sender.SessionId is null ? $"{sender.Kind} {sender.GatewayName}" : $"{sender.Kind} {sender.SessionId} of {sender.GatewayName}";
}
