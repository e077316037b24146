using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Switchboard.Redis.Durable;

/// <summary>
/// Signs a durable message's fields with the network key (HMAC-SHA256 over each name and value, in order) and checks
/// a stored entry's signature, so that only holders of the key can queue messages a gateway will run.
/// </summary>
internal static class DurableSignature
{
    public const string Field = "sig";

    public static NameValueEntry[] Signed(NameValueEntry[] fields, byte[] key) =>
        [.. fields, new NameValueEntry(Field, Compute(fields, key))];

    /// <summary>Whether the entry's signed fields carry a valid signature by <paramref name="key"/>.</summary>
    public static bool IsValid(StreamEntry entry, byte[] key)
    {
        var signed = entry.Values.Where(field => DurableEntry.IsSigned(field.Name)).ToArray();
        var signature = entry[Field];
        if (signature.IsNull)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Compute(signed, key), (byte[])signature!);
    }

    private static byte[] Compute(NameValueEntry[] fields, byte[] key)
    {
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            // Lengths first, so that no two field lists make the same text.
            var name = field.Name.ToString();
            var value = field.Value.ToString();
            text.Append(name.Length).Append(':').Append(name).Append(value.Length).Append(':').Append(value);
        }

        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text.ToString()));
    }
}
