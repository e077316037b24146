namespace Switchboard.Network;

/// <summary>
/// The nonces of signed messages accepted lately, in two generations that rotate every two replay windows: a nonce is
/// remembered for at least as long as a message carrying it could still be inside the window, and memory stays bounded
/// by the traffic of at most four windows.
/// </summary>
internal sealed class NonceLedger(long windowMs)
{
    private readonly object gate = new();
    private readonly long generationMs = Math.Max(1, 2 * windowMs);
    private HashSet<UInt128> current = [];
    private HashSet<UInt128> previous = [];
    private long generationStart = long.MinValue;

    /// <summary>Remembers <paramref name="nonce"/>; <see langword="false"/> when it was already remembered.</summary>
    public bool TryRemember(ReadOnlySpan<byte> nonce, long now)
    {
        var value = new UInt128(BitConverter.ToUInt64(nonce[..8]), BitConverter.ToUInt64(nonce[8..16]));
        lock (gate)
        {
            if (generationStart == long.MinValue)
            {
                generationStart = now;
            }
            else if (now - generationStart >= generationMs)
            {
                // Two generations old means no message carrying it can still be inside the window.
                // New sets rather than Clear(), which would keep a burst's capacity for good.
                previous = now - generationStart >= 2 * generationMs ? [] : current;
                current = [];

                generationStart = now;
            }

            return !previous.Contains(value) && current.Add(value);
        }
    }
}
