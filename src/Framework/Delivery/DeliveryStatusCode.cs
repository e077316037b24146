namespace Switchboard;

/// <summary>Formats <see cref="DeliveryStatus"/> as the upper-case codes in Ignition's result strings.</summary>
public static class DeliveryStatusCode
{
    /// <summary>The code for a status, for example <c>SENT</c> or <c>NO_HANDLER</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The code.</returns>
    public static string ToCode(this DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => "SENT",
        DeliveryStatus.NoHandler => "NO_HANDLER",
        DeliveryStatus.Denied => "DENIED",
        DeliveryStatus.Unreachable => "UNREACHABLE",
        DeliveryStatus.QueueFull => "QUEUE_FULL",
        DeliveryStatus.Queued => "QUEUED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown delivery status."),
    };
}
