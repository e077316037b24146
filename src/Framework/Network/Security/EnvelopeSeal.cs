using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Network;

/// <summary>
/// Signs and verifies messages at the transport boundary, around the envelope's bytes, whatever the envelope says:
/// <c>frame = version (1) | timestamp (8, Unix ms, big-endian) | nonce (16) | mac (32) | envelope</c>, where the MAC is
/// HMAC-SHA256 under the network key over the header before it, the channel's name and the envelope. Binding the
/// channel stops a message captured on one gateway's channel from being replayed onto another's; the timestamp and
/// nonce stop it being replayed on its own channel: a message older or newer than the replay window is refused, and
/// so is a nonce already seen within it.
/// </summary>
/// <remarks>Thread-safe: the transport may call <see cref="TryOpen"/> from several channels' callbacks at once.</remarks>
internal sealed class EnvelopeSeal
{
    /// <summary>The frame format's version, its first byte; an envelope itself starts with <c>{</c>, so the two never meet.</summary>
    public const byte FrameVersion = 1;

    public const int TimestampLength = 8;
    public const int NonceLength = 16;
    public const int MacLength = 32;
    public const int HeaderLength = 1 + TimestampLength + NonceLength;
    public const int Overhead = HeaderLength + MacLength;

    private readonly NetworkKeys keys;
    private readonly TimeProvider time;
    private readonly long windowMs;
    private readonly NonceLedger nonces;

    public EnvelopeSeal(NetworkKeys keys, TimeSpan replayWindow, TimeProvider? time = null)
    {
        this.keys = keys;
        this.time = time ?? TimeProvider.System;
        windowMs = (long)replayWindow.TotalMilliseconds;
        nonces = new NonceLedger(windowMs);
    }

    /// <summary>Frames <paramref name="envelope"/> for <paramref name="channel"/>, signed now with a fresh nonce.</summary>
    public byte[] Seal(string channel, ReadOnlySpan<byte> envelope) => Seal(channel, envelope, time.GetUtcNow().ToUnixTimeMilliseconds(), keys.Current);

    /// <summary>Frames with a given timestamp and key; <see cref="Seal(string, ReadOnlySpan{byte})"/> is the one to use.</summary>
    internal static byte[] Seal(string channel, ReadOnlySpan<byte> envelope, long timestamp, byte[] key)
    {
        var frame = new byte[Overhead + envelope.Length];
        frame[0] = FrameVersion;
        BinaryPrimitives.WriteInt64BigEndian(frame.AsSpan(1, TimestampLength), timestamp);
        RandomNumberGenerator.Fill(frame.AsSpan(1 + TimestampLength, NonceLength));
        envelope.CopyTo(frame.AsSpan(Overhead));
        Mac(key, channel, frame.AsSpan(0, HeaderLength), envelope, frame.AsSpan(HeaderLength, MacLength));
        return frame;
    }

    /// <summary>
    /// Checks a received frame; on success <paramref name="envelope"/> is the envelope inside it. The checks run
    /// cheapest first, and the nonce is remembered only once the MAC is good, so a forger cannot fill the ledger.
    /// </summary>
    public bool TryOpen(string channel, ReadOnlyMemory<byte> frame, out ReadOnlyMemory<byte> envelope, out DropReason reason, out string detail)
    {
        envelope = default;
        var span = frame.Span;
        if (span.Length < Overhead || span[0] != FrameVersion)
        {
            reason = DropReason.Unauthenticated;
            detail = span.Length > 0 && span[0] == (byte)'{'
                ? "it is not signed, and this network requires a NetworkKey signature"
                : "it is not a signed frame of version 1";
            return false;
        }

        var timestamp = BinaryPrimitives.ReadInt64BigEndian(span.Slice(1, TimestampLength));
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (Math.Abs(now - timestamp) > windowMs)
        {
            reason = DropReason.Replayed;
            detail = $"it was signed {now - timestamp} ms from now, outside the replay window (GatewayNetworkOptions.ReplayWindow = {windowMs} ms); replayed, or a clock is off";
            return false;
        }

        var body = span[Overhead..];
        Span<byte> expected = stackalloc byte[MacLength];
        var signed = false;
        foreach (var key in keys.Accepted)
        {
            Mac(key, channel, span[..HeaderLength], body, expected);
            if (CryptographicOperations.FixedTimeEquals(expected, span.Slice(HeaderLength, MacLength)))
            {
                signed = true;
                break;
            }
        }

        if (!signed)
        {
            reason = DropReason.Unauthenticated;
            detail = "its signature matches no accepted network key (NetworkKey, AcceptedNetworkKeys) for this channel";
            return false;
        }

        if (!nonces.TryRemember(span.Slice(1 + TimestampLength, NonceLength), now))
        {
            reason = DropReason.Replayed;
            detail = "its nonce was already seen within the replay window";
            return false;
        }

        envelope = frame[Overhead..];
        reason = default;
        detail = "";
        return true;
    }

    // One-shot HMAC over one pooled buffer: no hash object per message, whose allocation would double the frame's.
    private static void Mac(byte[] key, string channel, ReadOnlySpan<byte> header, ReadOnlySpan<byte> envelope, Span<byte> destination)
    {
        var channelLength = Encoding.UTF8.GetByteCount(channel);
        var length = HeaderLength + 4 + channelLength + envelope.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            // The channel's length first, so that no split of channel and envelope bytes can be read another way.
            var input = rented.AsSpan(0, length);
            header.CopyTo(input);
            BinaryPrimitives.WriteInt32BigEndian(input.Slice(HeaderLength, 4), channelLength);
            Encoding.UTF8.GetBytes(channel, input.Slice(HeaderLength + 4, channelLength));
            envelope.CopyTo(input[(HeaderLength + 4 + channelLength)..]);
            HMACSHA256.HashData(key, input, destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
