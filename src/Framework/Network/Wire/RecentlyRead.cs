namespace Switchboard.Network;

/// <summary>
/// The value last read from some bytes, kept with a copy of them: a stream of messages from one sender carries the same
/// sender and filters in each, so the reader compares the bytes and takes the value it already made instead of reading
/// and allocating it again. Only an immutable value is kept, and only one whose bytes are byte for byte the same, so
/// what a message yields does not depend on what came before it. Safe across threads: the bytes and their value are
/// replaced together, as one object.
/// </summary>
/// <typeparam name="T">The value read; immutable (a record, or a readonly struct of immutable fields).</typeparam>
internal sealed class RecentlyRead<T>
{
    // Longer values are rare and read each time, so that the copy kept stays small.
    private const int MaxBytes = 512;

    private Entry? last;

    /// <summary>Finds the value read last from exactly these bytes (with this <paramref name="text"/>), if it is the one kept.</summary>
    public bool TryFind(ReadOnlySpan<byte> bytes, string? text, out T value)
    {
        if (Volatile.Read(ref last) is { } entry && bytes.SequenceEqual(entry.Bytes) && string.Equals(entry.Text, text, StringComparison.Ordinal))
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> as what these bytes (with this <paramref name="text"/>) read as; returns it.</summary>
    public T Keep(ReadOnlySpan<byte> bytes, T value, string? text = null)
    {
        if (bytes.Length <= MaxBytes)
        {
            Volatile.Write(ref last, new Entry(bytes.ToArray(), text, value));
        }

        return value;
    }

    private sealed record Entry(byte[] Bytes, string? Text, T Value);
}
