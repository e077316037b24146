// Every [MessageHandler] in this assembly belongs to project X; the generator names the typed class XMessages.
[assembly: Switchboard.MessagingProject("X")]

namespace Switchboard.QuickStart;

/// <summary>Example 1's payload, Ignition's <c>{'first': 'Hello', 'second': 'World'}</c> as a record.</summary>
public sealed record Greeting(string First, string Second);

/// <summary>What the <c>add</c> request takes.</summary>
public sealed record AddRequest(int A, int B);
