// Every [MessageHandler] in this assembly belongs to project X; the generator names the typed class XMessages.
[assembly: Switchboard.MessagingProject("X")]

namespace Switchboard.Samples.GatewayNetwork;

/// <summary>Example 3's payload, Ignition's <c>{'first': 'Hello', 'second': 'World'}</c> as a record.</summary>
public sealed record Greeting(string First, string Second)
{
    /// <summary>Prints the payload the way Ignition prints the dictionary: <c>{first=Hello, second=World}</c>.</summary>
    public override string ToString() => $"{{first={First}, second={Second}}}";
}

/// <summary>What the <c>add</c> request takes.</summary>
public sealed record AddRequest(int A, int B);
