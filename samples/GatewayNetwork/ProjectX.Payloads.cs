// Every [MessageHandler] in this assembly belongs to project X; the generator names the typed class XMessages.
[assembly: Switchboard.MessagingProject("X")]

namespace Switchboard.Samples.GatewayNetwork;

/// <summary>What the <c>add</c> request takes.</summary>
public sealed record AddRequest(int A, int B);
