namespace Switchboard.Network;

/// <summary>A received message is not an envelope this runtime acts on; it is dropped and counted, never rethrown.</summary>
internal sealed class EnvelopeException(DropReason reason, string detail, Exception? innerException = null)
    : Exception(detail, innerException)
{
    public DropReason Reason { get; } = reason;
}
