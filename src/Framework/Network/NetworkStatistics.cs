namespace Switchboard.Network;

/// <summary>Counters of what a <see cref="GatewayNetwork"/> received and dropped; safe to read at any time.</summary>
public sealed class NetworkStatistics
{
    private readonly long[] dropped = new long[Enum.GetValues<DropReason>().Length];
    private long received;
    private long unmatched;

    /// <summary>Messages received on any channel, including those later dropped.</summary>
    public long Received => Interlocked.Read(ref received);

    /// <summary>Messages dropped for any reason.</summary>
    public long Dropped
    {
        get
        {
            long total = 0;
            for (var i = 0; i < dropped.Length; i++)
            {
                total += Interlocked.Read(ref dropped[i]);
            }

            return total;
        }
    }

    /// <summary>
    /// Well-formed messages for something this node no longer has: a reply after its requester stopped waiting, or a
    /// delivery for a remote client that has disconnected. Harmless, and not counted as dropped.
    /// </summary>
    public long Unmatched => Interlocked.Read(ref unmatched);

    /// <summary>Messages dropped for <paramref name="reason"/>.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The count.</returns>
    public long DroppedFor(DropReason reason) => Interlocked.Read(ref dropped[(int)reason]);

    /// <inheritdoc />
    public override string ToString() =>
        $"received {Received}, dropped {Dropped} (" +
        string.Join(", ", Enum.GetValues<DropReason>().Select(reason => $"{reason} {DroppedFor(reason)}")) +
        $"), unmatched {Unmatched}";

    internal void CountReceived() => Interlocked.Increment(ref received);

    internal void CountDropped(DropReason reason) => Interlocked.Increment(ref dropped[(int)reason]);

    internal void CountUnmatched() => Interlocked.Increment(ref unmatched);
}
