using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Network.Tests.Support;

/// <summary>
/// The signed frame written from its documented format (README, "Securing the network"), independently of the
/// runtime's code: <c>version 1 | timestamp (8, Unix ms, big-endian) | nonce (16) | HMAC-SHA256 (32) | envelope</c>,
/// the MAC over the header, the channel's UTF-8 length (4, big-endian) and bytes, and the envelope.
/// </summary>
public sealed class FrameSigner(string key)
{
    public const int Overhead = 1 + 8 + 16 + 32;

    private readonly byte[] key = Encoding.UTF8.GetBytes(key);

    public byte[] Sign(string channel, ReadOnlySpan<byte> envelope, DateTimeOffset? at = null, byte[]? nonce = null)
    {
        var frame = new byte[Overhead + envelope.Length];
        frame[0] = 1;
        BinaryPrimitives.WriteInt64BigEndian(frame.AsSpan(1, 8), (at ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds());
        if (nonce is null)
        {
            RandomNumberGenerator.Fill(frame.AsSpan(9, 16));
        }
        else
        {
            nonce.CopyTo(frame.AsSpan(9, 16));
        }

        envelope.CopyTo(frame.AsSpan(Overhead));
        var channelBytes = Encoding.UTF8.GetBytes(channel);
        var input = new byte[25 + 4 + channelBytes.Length + envelope.Length];
        frame.AsSpan(0, 25).CopyTo(input);
        BinaryPrimitives.WriteInt32BigEndian(input.AsSpan(25, 4), channelBytes.Length);
        channelBytes.CopyTo(input.AsSpan(29));
        envelope.CopyTo(input.AsSpan(29 + channelBytes.Length));
        HMACSHA256.HashData(this.key, input).CopyTo(frame.AsSpan(25, 32));
        return frame;
    }

    public byte[] Sign(string channel, string envelope) => Sign(channel, Encoding.UTF8.GetBytes(envelope));

    /// <summary>The envelope inside a frame (not verified).</summary>
    public static byte[] Unwrap(byte[] frame) => frame[Overhead..];
}

/// <summary>Publishes on a raw connection, signing each message first: an attacker who holds the network key.</summary>
public sealed class SigningTransport(INetworkTransport inner, FrameSigner signer) : INetworkTransport
{
    public bool IsConnected => inner.IsConnected;

    public event EventHandler<NetworkConnectionEventArgs>? ConnectionChanged
    {
        add => inner.ConnectionChanged += value;
        remove => inner.ConnectionChanged -= value;
    }

    public ValueTask SubscribeAsync(string channel, Action<ReadOnlyMemory<byte>> onMessage, CancellationToken cancellationToken = default) =>
        inner.SubscribeAsync(channel, data => onMessage(data.Length >= FrameSigner.Overhead && data.Span[0] == 1 ? data[FrameSigner.Overhead..] : data), cancellationToken);

    public ValueTask UnsubscribeAsync(string channel) => inner.UnsubscribeAsync(channel);

    public ValueTask<long> PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default) =>
        inner.PublishAsync(channel, signer.Sign(channel, message.Span), cancellationToken);

    public long Publish(string channel, ReadOnlyMemory<byte> message) => inner.Publish(channel, signer.Sign(channel, message.Span));

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
