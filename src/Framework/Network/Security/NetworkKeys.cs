using System.Text;

namespace Switchboard.Network;

/// <summary>
/// The keys a node signs and verifies with: the current <see cref="GatewayNetworkOptions.NetworkKey"/> signs every
/// message; it and each of <see cref="GatewayNetworkOptions.AcceptedNetworkKeys"/> are accepted, so that a key can be
/// rotated one process at a time without dropping traffic.
/// </summary>
internal sealed class NetworkKeys
{
    /// <summary>The shortest key accepted, in UTF-8 bytes: the 256 bits of HMAC-SHA256's own output.</summary>
    public const int MinimumLength = 32;

    private NetworkKeys(byte[] current, byte[][] accepted)
    {
        Current = current;
        Accepted = accepted;
    }

    /// <summary>The key every outgoing message is signed with.</summary>
    public byte[] Current { get; }

    /// <summary>Every key a received message may be signed with, the current one first.</summary>
    public byte[][] Accepted { get; }

    /// <summary>The options' keys, or <see langword="null"/> when the network is unauthenticated.</summary>
    /// <exception cref="ArgumentException">A key is shorter than <see cref="MinimumLength"/>, or previous keys are given without a current one.</exception>
    public static NetworkKeys? From(GatewayNetworkOptions options)
    {
        if (string.IsNullOrEmpty(options.NetworkKey))
        {
            if (options.AcceptedNetworkKeys.Count > 0)
            {
                throw new ArgumentException(
                    "GatewayNetworkOptions.AcceptedNetworkKeys is set but NetworkKey is not: further keys are only accepted beside a key that signs.",
                    nameof(options));
            }

            return null;
        }

        var accepted = new byte[options.AcceptedNetworkKeys.Count + 1][];
        accepted[0] = Checked(options.NetworkKey, nameof(GatewayNetworkOptions.NetworkKey));
        for (var i = 0; i < options.AcceptedNetworkKeys.Count; i++)
        {
            accepted[i + 1] = Checked(options.AcceptedNetworkKeys[i], $"{nameof(GatewayNetworkOptions.AcceptedNetworkKeys)}[{i}]");
        }

        return new NetworkKeys(accepted[0], accepted);
    }

    // The key itself never appears in a message: it is a secret.
    private static byte[] Checked(string? key, string name)
    {
        var bytes = Encoding.UTF8.GetBytes(key ?? "");
        if (bytes.Length < MinimumLength)
        {
            throw new ArgumentException(
                $"GatewayNetworkOptions.{name} is {bytes.Length} bytes long; a network key must be at least {MinimumLength} bytes " +
                "(for example the 44 characters that `openssl rand -base64 32` prints).",
                name);
        }

        return bytes;
    }
}
